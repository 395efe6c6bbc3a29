"""Building blocks for small HTML test pages: a real-looking article body to wrap metadata or chrome around."""

from __future__ import annotations

PARAGRAPHS = (
    "Ủy ban nhân dân thành phố vừa phê duyệt kế hoạch cải tạo hệ thống thoát nước tại các tuyến phố thường"
    " xuyên bị ngập trong mùa mưa, với tổng vốn đầu tư dự kiến hơn 300 tỷ đồng.",
    "Theo kế hoạch, các hạng mục sẽ được thi công trong mùa khô để hạn chế ảnh hưởng đến việc đi lại của người"
    " dân. Đơn vị thi công phải bố trí biển báo và người hướng dẫn giao thông tại các điểm đào đường.",
    "Lãnh đạo sở Xây dựng cho biết sau khi hoàn thành, khả năng tiêu thoát nước của khu vực trung tâm sẽ tăng"
    " gấp đôi so với hiện nay, góp phần giảm tình trạng ngập úng cục bộ khi có mưa lớn.",
)
TITLE = "Thành phố cải tạo hệ thống thoát nước chống ngập"


def article_page(*, head: str = "", before: str = "", inside: str = "", after: str = "", outside: str = "") -> str:
    """A page with a headline and three paragraphs; the keyword arguments put markup around them:
    `head` in <head>, `before` between headline and body, `inside` after the first paragraph of the body
    container, `after` below the body container, `outside` in a sidebar."""
    body = "".join(f"<p>{p}</p>" + (inside if i == 0 else "") for i, p in enumerate(PARAGRAPHS))
    return (
        f"<html><head><meta charset='utf-8'><title>{TITLE} - Báo Mẫu</title>{head}</head><body>"
        "<div class='menu'><a href='/'>Trang chủ</a> <a href='/xa-hoi'>Xã hội</a> <a href='/kinh-te'>Kinh tế</a></div>"
        f"<div class='main'><div class='article'><h1>{TITLE}</h1>{before}"
        f"<div class='article-body'>{body}</div>{after}</div>"
        f"<div class='sidebar'>{outside}</div></div></body></html>"
    )
