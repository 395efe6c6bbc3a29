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
    "CAUSATIVES",
    "CHANGE_DOWN",
    "CHANGE_FILLERS",
    "CHANGE_UP",
    "CLASSIFIERS",
    "COMPARATIVES_DOWN",
    "COMPARATIVES_UP",
    "CONTRIBUTION_WORDS",
    "COUNTED_NOUN_STOPS",
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
    "độ": "°C",  # "nướng ở 160 độ", "nắng 38 độ": a temperature, Celsius unless said otherwise
    "m": "m",
    "mét": "m",
    "tạ": "tạ",  # 100 kg, as crop yields are written ("60,2 tạ/ha")
}

PERCENT: Final[tuple[str, ...]] = ("%", "phần trăm")
# Percentage points ("điểm phần trăm", "điểm %") must be tried before "điểm" (index points).
PP: Final[tuple[str, ...]] = ("điểm phần trăm", "điểm %")
POINTS: Final[tuple[str, ...]] = ("điểm",)
# "lần" (times) — a multiple, a change when "gấp"/"tăng" stands before it.
TIMES: Final[tuple[str, ...]] = ("lần",)

# Durations and calendar words: a number before them is a period or an age, never a metric here
# ("6 tháng" is the period of the figure that follows it).
TIME_UNITS: Final[tuple[str, ...]] = (
    "năm",
    "tháng",
    "quý",
    "tuần",
    "ngày",
    "đêm",
    "giờ",
    "tiếng",  # "mất 3 tiếng": hours, as spoken
    "phút",
    "giây",
    "tuổi",
    "kỳ",
    "thập kỷ",
    "thế kỷ",
)

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
    "ô tô",
    "đô thị",
    "container",
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
    # social-media reach: "1,2 triệu người theo dõi", "30.000 lượt xem"
    "người theo dõi",
    "lượt theo dõi",
    "lượt xem",
    "lượt thích",
    "lượt chia sẻ",
    "lượt tải",
    # two-syllable nouns of policy and planning news ("3 hình thức", "5 nhóm giải pháp"): a one-word
    # counted noun is read by rule (see CLASSIFIERS), a compound needs its second syllable listed
    "hình thức",
    "giải pháp",
    "nhiệm vụ",
    "lĩnh vực",
    "điều kiện",
    "nội dung",
    "tiêu chí",
    "thành viên",
    "chỉ tiêu",
    # two-syllable nouns counted in economic and general news ("15 khu công nghiệp", "45 hành khách")
    "khu công nghiệp",
    "cụm công nghiệp",
    "khu đô thị",
    "khu dân cư",
    "nhà máy",
    "nhà đầu tư",
    "nhà ở",
    "hành khách",
    "chuyến bay",
    "phương tiện",
    "công trình",
    "đơn vị",
    "tổ chức",
    "cá nhân",
    "lô hàng",
    "gian hàng",
    "điểm bán",
    "thủ tục",
    "văn bản",
    "bệnh viện",
    "trường học",
    "phòng học",
    "giáo viên",
    "bác sĩ",
    "thí sinh",
    "đối tượng",
    "vụ việc",
    "hành vi",
    "bể bơi",
    "đại học",
    # two-syllable nouns of people and events counted in general news ("7 ngư dân", "5 nạn nhân")
    "cư dân",
    "ngư dân",
    "nạn nhân",
    "nghi phạm",
    "nghi can",
    "ứng viên",
    "nghệ sĩ",
    "nhân viên",
    "cán bộ",
    "chiến sĩ",
    "cầu thủ",
    "vận động viên",
    "khán giả",
    "phóng viên",
    "tình nguyện viên",
    "nữ sinh",
    "nam sinh",
    "người mẫu",
    "sự kiện",
    "dấu hiệu",
    "nguyên nhân",
    "lý do",
    "bài học",
    "bàn thắng",
    "trận đấu",
    "huy chương",
    "giải thưởng",
    "tác phẩm",
    "bài hát",
    "ca khúc",
    "cuộc thi",
    "tàu cá",
    "phương án",
)

# Classifiers: a number before one of these counts the noun that follows it, and the unit is the
# whole phrase as written ("5.600 con lợn nái", "15 bộ hồ sơ", "14 dòng sản phẩm", "80 chuyến phà").
# Any other lower-case word after a bare number is read as a one-word counted noun ("14 tuyến", "2 đợt").
CLASSIFIERS: Final[tuple[str, ...]] = (
    "con",
    "lượt",  # "683 lượt dự án" (project filings), "5 triệu lượt" alone
    "căn",
    "xe",
    "cây",
    "chiếc",
    "cái",
    "bộ",
    "dòng",
    "chuyến",
    "tấm",
    "cuốn",
    "bức",
    "ngôi",
    "tòa",
    "toà",
    "mẫu",
    "loại",
    "khẩu",
    "bánh",
    # heads of compound nouns that also stand alone ("14 nhà ga", "2 phòng ngủ", "4 khu chuồng trại")
    "nhà",
    "phòng",
    "khu",
    "trường",
    "nhóm",
    "đoàn",
)

# Words that cannot head a counted noun after a bare number: function words, verbs and adjectives
# ("tăng 5 so với", "iPhone 15 mới", "năm 2020 là"), and what ends a classifier's noun phrase.
COUNTED_NOUN_STOPS: Final[tuple[str, ...]] = (
    "trước",
    "sau",
    "nữa",
    "rồi",
    "thì",
    "là",
    "có",
    "được",
    "bị",
    "cho",
    "không",
    "chưa",
    "cũng",
    "đều",
    "vừa",
    "mới",
    "cũ",
    "lớn",
    "nhỏ",
    "nhất",
    "hơn",
    "lần",
    "ra",
    "vào",
    "lại",
    "này",
    "đó",
    "kia",
    "ấy",
    "nào",
    "gì",
    "ai",
    "thôi",
    "nha",
    "nhé",
    "ạ",
    "à",
    "ơi",
    "đây",
    "liền",
    "để",
    "nên",
    "mà",
    # a number before a kinship pair names the pair ("2 vợ chồng", "hai mẹ con": the couple, mother and
    # child), it does not count people
    "vợ",
    "chồng",
    "mẹ",
    "bố",
    "cha",
    "anh",
    "chị",
    "ông",
    "bà",
    "ngay",
    "luôn",
    "đi",
    "về",
    "trở",
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
    "đội giá",
    "đội lên",
    "dâng",  # water levels: "nước biển dâng thêm 0,8 m"
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
    "âm",  # "tăng trưởng tín dụng âm 1,2%": negative growth
)
# Comparatives that may name their reference before the size of the difference ("cao hơn trung bình
# nhiều năm 10 - 30%", "thấp hơn cùng kỳ 5%"); right before the number they are change verbs above.
COMPARATIVES_UP: Final[tuple[str, ...]] = ("cao hơn", "nhiều hơn", "lớn hơn", "đắt hơn")
COMPARATIVES_DOWN: Final[tuple[str, ...]] = ("thấp hơn", "ít hơn", "nhỏ hơn", "rẻ hơn")

# Words that may stand between a change verb and its number ("tăng mạnh 220", "giảm sâu tới 13,26",
# "tỷ lệ tăng bình quân chừng 4%", "vượt lần lượt 18%").
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
    # "trung bình cùng kỳ nhiều năm": a long-run average, not last year
    (r".*?(?:trung bình|bình quân)[^,;]*?nhiều năm", "other"),
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

# Words for "the level" that stand for the subject named before ("từ mức trung bình 40 triệu đồng/m2").
# The size of a change is such a word too ("mức tăng trung bình khoảng 20%": of the prices named before).
LEVEL_NOUNS: Final[tuple[str, ...]] = (
    "mức",
    "mức giá",
    "mức trung bình",
    "mức giá trung bình",
    "con số",
    "số tiền",
    "mức tăng trung bình",
    "mức tăng bình quân",
    "mức giảm trung bình",
    "mức giảm bình quân",
    "tỷ lệ tăng bình quân",
    "tỷ lệ tăng trung bình",
    "tốc độ tăng bình quân",
    "tốc độ tăng trưởng bình quân",
)

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
    "đối với",
    "tương đương",
    "tính đến",
    "đến hết",
    "đến cuối",
    "trong số",
    "tổng cộng",  # "Tổng cộng có 3.600 tỷ đồng trái phiếu": in all
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
    "có xu hướng",  # "giá … đều có xu hướng tăng": the trend, not the thing
    "đều",
    "cùng",  # "A và B cùng đạt": together
    "thu hút",  # "ngành chế biến, chế tạo thu hút 11,6 tỷ USD": attracted
    "thu về",
    "đón",
)

# "làm giảm 0,76 điểm phần trăm", "đóng góp 1,46 điểm": a contribution to another figure's growth.
CONTRIBUTION_WORDS: Final[tuple[str, ...]] = ("đóng góp", "kéo")
# "làm" (make) is a contribution only with its change verb ("làm giảm 0,76 điểm phần trăm").
CAUSATIVES: Final[tuple[str, ...]] = ("làm",)

# Anaphora that point back to the previous sentence's figures ("Con số này giảm 2,2% về sản lượng").
ANAPHORA: Final[tuple[str, ...]] = ("con số này", "con số trên", "con số đó", "số này", "mức này")

# Words that end the noun phrase after a figure ("42.000 tỷ đồng doanh thu và …"): connectives,
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
# The words that end a count's qualifying tail ("412 nghìn công nhân đang làm việc tại các khu công
# nghiệp, tăng 3,1%"): a count's noun may run through prepositions, up to a verb of the figure or a link.
COUNT_TAIL_STOPS: Final[tuple[str, ...]] = ("và", "nhưng", "còn", "so", "với", "đạt", "là", "tương", "chiếm", "bằng")

# Nouns whose last syllable is also a change or link verb: the verb-stripping of subjects must leave them
# whole ("thuế giá trị gia tăng" is value-added tax, "mặt bằng" a site, "đồng bằng" a delta).
NOUNS_ENDING_IN_VERB: Final[tuple[str, ...]] = ("gia tăng", "mặt bằng", "đồng bằng", "cân bằng", "công bằng")
