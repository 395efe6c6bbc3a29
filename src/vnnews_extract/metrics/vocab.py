"""The figure vocabularies: every word the grammar looks for, as named data.

Surface forms are written as a reader sees them; the grammar compiles them case-insensitively, longest
first, so "tăng trưởng" wins over "tăng" and "điểm phần trăm" over "điểm". Adding a phrase a site uses
is a one-line change here.
"""

from __future__ import annotations

from typing import Final

from ..model import Basis, Qualifier

__all__ = [
    "ANAPHORA",
    "BASIS_RULES",
    "BREAKDOWN_MARKERS",
    "CHANGE_DOWN",
    "CHANGE_FILLERS",
    "CHANGE_UP",
    "CONTRIBUTION_WORDS",
    "COUNT_NOUNS",
    "COUNT_TAIL_STOPS",
    "CURRENCIES",
    "DENOMINATORS",
    "FRAMING_QUALIFIERS",
    "GENERIC_HOLDERS",
    "LEVEL_NOUNS",
    "LEVEL_WORDS",
    "MEASURE_WORDS",
    "NOUN_STOPS",
    "PAIR_CONTEXT",
    "PERCENT",
    "PHYSICAL_UNITS",
    "POINTS",
    "PP",
    "QUALIFIERS",
    "RATIO_VERBS",
    "SHARE_VERBS",
    "SUBJECT_LEAD_WORDS",
    "SUBJECT_TRAIL_WORDS",
    "TIMES",
    "TIME_UNITS",
]

# Money: surface form → ISO 4217. "đ" and "đồng" are the Vietnamese đồng; "đô" alone is the US dollar
# in everyday writing; "tệ"/"NDT" the Chinese yuan (nhân dân tệ).
CURRENCIES: Final[dict[str, str]] = {
    "USD": "USD",
    "đô la Mỹ": "USD",
    "đô-la Mỹ": "USD",
    "đô la": "USD",
    "đôla": "USD",
    "đô": "USD",
    "$": "USD",
    "đồng": "VND",
    "VNĐ": "VND",
    "VND": "VND",
    "đ": "VND",
    "EUR": "EUR",
    "euro": "EUR",
    "€": "EUR",
    "nhân dân tệ": "CNY",
    "NDT": "CNY",
    "CNY": "CNY",
    "yên Nhật": "JPY",
    "yên": "JPY",
    "JPY": "JPY",
    "won": "KRW",
    "KRW": "KRW",
    "bảng Anh": "GBP",
    "GBP": "GBP",
    "£": "GBP",
}

# Physical units: surface form → SI-style symbol (t for tonne, l for litre).
PHYSICAL_UNITS: Final[dict[str, str]] = {
    "tấn": "t",
    "kg": "kg",
    "ki-lô-gam": "kg",
    "kilôgam": "kg",
    "ha": "ha",
    "héc-ta": "ha",
    "hécta": "ha",
    "hecta": "ha",
    "km": "km",
    "ki-lô-mét": "km",
    "cây số": "km",
    "m2": "m2",
    "m²": "m2",
    "mét vuông": "m2",
    "m3": "m3",
    "m³": "m3",
    "mét khối": "m3",
    "lít": "l",
    "kWh": "kWh",
    "MW": "MW",
    "GW": "GW",
    "MWh": "MWh",
    "mm": "mm",
    "cm": "cm",
    "độ C": "°C",
}

PERCENT: Final[tuple[str, ...]] = ("%", "phần trăm")
# Percentage points ("điểm phần trăm", "điểm %") must be tried before "điểm" (index points).
PP: Final[tuple[str, ...]] = ("điểm phần trăm", "điểm %")
POINTS: Final[tuple[str, ...]] = ("điểm",)
# "lần" (times) — a multiple, a change when "gấp"/"tăng" stands before it.
TIMES: Final[tuple[str, ...]] = ("lần",)

# Durations and calendar words: a number before them is a period or an age, never a metric here
# ("6 tháng" is the period of the figure that follows it).
TIME_UNITS: Final[tuple[str, ...]] = ("năm", "tháng", "quý", "tuần", "ngày", "giờ", "phút", "giây", "tuổi", "kỳ")

# Counted nouns: a number before one of these is a count whose unit is the noun ("64.500 doanh
# nghiệp"). Longest match wins, so "lượt khách" beats "lượt" and "người dân" beats "người".
COUNT_NOUNS: Final[tuple[str, ...]] = (
    "doanh nghiệp",
    "hợp tác xã",
    "lao động",
    "người dân",
    "người lao động",
    "người",
    "hộ dân",
    "hộ gia đình",
    "hộ",
    "lượt khách",
    "lượt người",
    "lượt",
    "du khách",
    "khách",
    "cuộc gọi",
    "địa phương",
    "tỉnh thành",
    "tỉnh, thành",
    "huyện",
    "xã",
    "cổ phiếu",
    "mã",
    "sản phẩm",
    "dự án",
    "học sinh",
    "sinh viên",
    "công nhân",
    "bệnh nhân",
    "trường hợp",
    "ca sĩ",
    "ca",
    "căn hộ",
    "căn",
    "ô tô",
    "xe",
    "chiếc",
    "con",
    "cây",
    "đô thị",
    "container",
    "chuyến",
    "vụ",
    "việc làm",
    "hợp đồng",
    "cơ sở",
    "cửa hàng",
    "siêu thị",
    "chợ",
    "ngân hàng",
    "quốc gia",
    "thị trường",
    "hồ sơ",
    "giường bệnh",
    "thùng",
    "bao",
    "giao dịch",
    "tài khoản",
    "thuê bao",
    "đơn hàng",
    "người dùng",
    "lượt truy cập",
)

# Rate denominators after "/": surface → normalized ("%/năm" → "%/year", "USD/tấn" → "USD/t").
DENOMINATORS: Final[dict[str, str]] = {
    "năm": "year",
    "tháng": "month",
    "ngày": "day",
    "tuần": "week",
    "giờ": "h",
    "tấn": "t",
    "kg": "kg",
    "lít": "l",
    "m2": "m2",
    "m²": "m2",
    "m3": "m3",
    "ha": "ha",
    "km": "km",
    "kWh": "kWh",
    "USD": "USD",
    "đồng": "VND",
    "người": "người",
    "con": "con",
    "lượng": "lượng",
    "chỉ": "chỉ",
    "thùng": "thùng",
    "chiếc": "chiếc",
    "cổ phiếu": "cổ phiếu",
    "căn": "căn",
    "sản phẩm": "sản phẩm",
}

# Change verbs by direction. "vượt" (exceed) is up; "mất" (lose) is down, as the stock pages write.
CHANGE_UP: Final[tuple[str, ...]] = (
    "tăng trưởng",
    "tăng thêm",
    "tăng vọt",
    "tăng",
    "đi lên",
    "nhích lên",
    "nhích",
    "vượt",
    "cộng",
    "leo",
    "cao hơn",
    "đắt hơn",
    "đắt thêm",
)
CHANGE_DOWN: Final[tuple[str, ...]] = (
    "giảm bớt",
    "sụt giảm",
    "giảm",
    "sụt",
    "lao dốc",
    "mất",
    "hạ",
    "tụt",
    "đi xuống",
    "trừ",
    "thấp hơn",
    "rẻ hơn",
)
# Words that may stand between a change verb and its number ("tăng mạnh 220", "giảm sâu tới 13,26",
# "tỷ lệ tăng bình quân khoảng 3%", "vượt lần lượt 27%").
CHANGE_FILLERS: Final[tuple[str, ...]] = (
    "thêm",
    "mạnh",
    "nhẹ",
    "sâu",
    "tới",
    "đến",
    "khoảng",
    "hơn",
    "gần",
    "trên",
    "dưới",
    "xấp xỉ",
    "lần lượt",
    "tương ứng",
    "ở mức",
    "mức",
    "bình quân",
    "trung bình",
    "được",
    "chỉ",
    "là",
    "đáng kể",
    "tiếp",
    "trần",
    "sàn",
    "kịch trần",
    "kịch sàn",
    "ước",
    "ước tính",
    "dự kiến",
    "gấp",
)
# "lên"/"xuống" (to) before a number make it the new level, not the size of the change.
LEVEL_WORDS: Final[tuple[str, ...]] = ("lên", "xuống")

# A share ("chiếm 52,8%") and a ratio to a reference ("bằng 90% cùng kỳ", "đạt 76% kế hoạch").
SHARE_VERBS: Final[tuple[str, ...]] = ("chiếm",)
RATIO_VERBS: Final[tuple[str, ...]] = ("bằng", "đạt", "hoàn thành")

# Qualifier words. The one right next to the number wins; estimate/target words also frame the
# whole clause ("ước tính tổng mức bán lẻ … đạt 317.500 tỉ đồng").
QUALIFIERS: Final[dict[str, Qualifier]] = {
    "ước tính": "estimate",
    "ước đạt": "estimate",
    "ước": "estimate",
    "dự kiến": "estimate",
    "dự báo": "estimate",
    "trên dưới": "about",
    "xấp xỉ": "about",
    "khoảng": "about",
    "xung quanh": "about",
    "chừng": "about",
    "hơn": "over",
    "trên": "over",
    "dưới": "under",
    "chưa đến": "under",
    "gần": "nearly",
    "phấn đấu": "target",
    "mục tiêu": "target",
    "kế hoạch": "target",
    "chỉ tiêu": "target",
}
# Qualifiers that frame a clause even when not next to the number.
FRAMING_QUALIFIERS: Final[frozenset[Qualifier]] = frozenset({"estimate", "target"})

# Comparison bases, tried in order on the words after "so với"/"so" (or right after the figure).
BASIS_RULES: Final[tuple[tuple[str, Basis], ...]] = (
    (r".*?cùng (?:kỳ|thời điểm|thời gian|giai đoạn)", "same_period_last_year"),
    (r".*?(?:kế hoạch|chỉ tiêu|dự toán|mục tiêu)", "plan"),
    (r"(?:\d+|\p{L}+)\s+tháng(?:\s+đầu)?\s+năm\s+\d{4}", "same_period_last_year"),
    # a named season or part of a year, of last year: "vụ hè thu năm ngoái", "dịp Tết năm 2023"
    (
        r"(?:vụ|mùa|dịp|nửa\s+đầu|nửa\s+cuối|hè\s+thu|đông\s+xuân)\b[^,;]*?\bnăm\s+(?:ngoái|trước|\d{4})",
        "same_period_last_year",
    ),
    (
        r"(?:một\s+)?(?:tháng|quý|tuần|năm|kỳ|phiên|ngày|đợt|vụ|cuối tuần|cuối năm)\s+(?:trước|ngoái|qua)",
        "previous_period",
    ),
    (r"(?:một\s+)?năm\s+ngoái|hôm\s+qua|phiên\s+trước", "previous_period"),
    (r"tháng\s+(?:\d{1,2}|[\p{Lu}]\p{L}+)(?:/\d{4})?(?!\s*(?:năm|/)\s*\d)", "previous_period"),
    (r"(?:năm\s+)?(?:19|20)\d\d\b", "previous_period"),
)

# Breakdown markers: the figures after one of these break down the total before it.
BREAKDOWN_MARKERS: Final[tuple[str, ...]] = ("trong đó", "bao gồm", "gồm", "riêng", "phân theo")

# A buy–sell pair ("23.340 - 23.350 đồng/USD", "mua vào … bán ra") is two metrics, not a range.
PAIR_CONTEXT: Final[tuple[str, ...]] = ("mua vào", "bán ra", "mua -", "mua/bán", "niêm yết")

# Generic words for "how much" that need the thing measured after them ("trị giá 271 triệu USD").
MEASURE_WORDS: Final[tuple[str, ...]] = ("trị giá", "giá trị", "kim ngạch")

# Words for "the level" that stand for the subject named before ("từ mức trung bình 55 triệu đồng/m2").
LEVEL_NOUNS: Final[tuple[str, ...]] = ("mức", "mức giá", "mức trung bình", "mức giá trung bình", "con số", "số tiền")

# Holders that say where, not what ("cả nước có 8.038 doanh nghiệp"): the counted noun is the subject.
GENERIC_HOLDERS: Final[tuple[str, ...]] = (
    "cả nước",
    "toàn quốc",
    "toàn tỉnh",
    "toàn thành phố",
    "toàn ngành",
    "toàn sàn",
    "tỉnh",
    "thành phố",
)

# Connectives that open a clause before its subject ("trong đó xuất khẩu …", "còn Arabica …").
SUBJECT_LEAD_WORDS: Final[tuple[str, ...]] = (
    "trong đó",
    "bao gồm",
    "gồm",
    "riêng",
    "tính riêng",
    "tính chung",
    "lũy kế",
    "cụ thể",
    "đặc biệt",
    "về",
    "còn",
    "và",
    "nhưng",
    "dù",
    "vẫn",
    "đồng thời",
    "tương ứng",
    "lần lượt",
    "cũng",
    "tuy nhiên",
    "trong khi đó",
    "đối với",
    "theo đó",
    "như vậy",
    "bên cạnh đó",
    "ngoài ra",
    "hiện",
    "hiện nay",
    "nên",
    "thì",
    "với",
    "có",
    "từ",
    "lên",
    "xuống",
    "trong",
    "đã",
    "ước tính",
    "ước",
    "dự kiến",
    "dự báo",
    "phấn đấu",
    "mục tiêu",
    "mức tăng",
    "mức giảm",
    "đối với",
    "tương đương",
    "tính đến",
    "đến hết",
    "đến cuối",
    "trong số",
)
# Verbs and particles between the subject and its number ("… ước tính đạt 64 tỷ USD").
SUBJECT_TRAIL_WORDS: Final[tuple[str, ...]] = (
    "ước tính đạt",
    "ước đạt",
    "ước tính",
    "dự kiến đạt",
    "dự kiến",
    "đạt mức",
    "đạt",
    "ước",
    "là",
    "có",
    "ở mức",
    "đứng ở mức",
    "mức",
    "lên mức",
    "lên",
    "xuống",
    "vẫn",
    "đã",
    "chỉ",
    "được",
    "tới",
    "vào khoảng",
    "khoảng",
    "hơn",
    "gần",
    "trên",
    "dưới",
    "xấp xỉ",
    "chiếm",
    "tăng",
    "giảm",
    "ghi nhận",
    "mang về",
    "với",
    "đồng thời",
    "tối đa",
    "tối thiểu",
    "từ",
    "dao động",
    "còn",
    "bằng",
    "được niêm yết",
    "niêm yết",
    "hoàn thành",
    "sẽ",
    "sẽ đạt",
    "đạt thêm",
    "tăng trần",
    "giảm sàn",
    "tăng kịch trần",
    "giảm kịch sàn",
    "đến hết",
    "đến cuối",
    "tính đến",
    "trong khoảng",
    "trong",
)

# "làm giảm 0,76 điểm phần trăm", "đóng góp 1,46 điểm": a contribution to another figure's growth.
CONTRIBUTION_WORDS: Final[tuple[str, ...]] = ("làm", "đóng góp", "kéo")

# Anaphora that point back to the previous sentence's figures ("Con số này giảm 1,4% về khối lượng").
ANAPHORA: Final[tuple[str, ...]] = ("con số này", "con số trên", "con số đó", "số này", "mức này")

# Words that end the noun phrase after a figure ("36.794 tỷ đồng doanh thu và …"): connectives,
# prepositions, comparison and qualifier words.
NOUN_STOPS: Final[tuple[str, ...]] = (
    "và",
    "nhưng",
    "còn",
    "so",
    "tại",
    "ở",
    "trong",
    "của",
    "với",
    "khi",
    "mà",
    "do",
    "vì",
    "về",
    "từ",
    "lên",
    "xuống",
    "đến",
    "tới",
    "trên",
    "dưới",
    "hơn",
    "gần",
    "khoảng",
    "đạt",
    "là",
    "tương",
    "chiếm",
    "bằng",
    "theo",
    "cho",
    "nên",
    "thì",
    "hoặc",
    "mỗi",
    "một",
    "vào",
    "đã",
    "đang",
    "sẽ",
    "vượt",
    "trở",
    "tùy",
    "tuỳ",
)
# The words that end a count's qualifying tail ("735,2 nghìn lao động đang làm việc trong các ngành kinh
# tế, tăng 2,6%"): a count's noun may run through prepositions, up to a verb of the figure or a link.
COUNT_TAIL_STOPS: Final[tuple[str, ...]] = ("và", "nhưng", "còn", "so", "với", "đạt", "là", "tương", "chiếm", "bằng")
