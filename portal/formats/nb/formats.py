# Norwegian bokmål: day.month.year and "kl." with a full stop between hours and
# minutes (Språkrådet's recommendation); the currency before the amount.
# "\xa0" keeps "kl. 14.05" and "kr 7 900,00" on one line.
SHORT_DATE_FORMAT = "d.m.Y"  # 23.11.2026
SHORT_DATETIME_FORMAT = "d.m.Y \\k\\l.\xa0H.i"  # 23.11.2026 kl. 14.05
TIME_FORMAT = "H.i"  # 14.05
MONEY_FORMAT = "kr\xa0{amount}"  # kr 7 900,00
