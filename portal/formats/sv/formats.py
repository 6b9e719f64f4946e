# Swedish: ISO 8601 dates, as on a Swedish invoice; 7 900,00 kr.
SHORT_DATE_FORMAT = "Y-m-d"  # 2026-11-23
SHORT_DATETIME_FORMAT = "Y-m-d H:i"  # 2026-11-23 14:05
MONEY_FORMAT = "{amount}\xa0kr"  # 7 900,00 kr
