# English for readers in Europe: the month as a word, so 03/11 can't be read
# either way round, and a 24-hour clock like the rest of the portal. Amounts
# carry the ISO code: "kr" alone could be Norwegian or Danish crowns to a
# foreign reader, and a Swedish invoice is always in SEK. "\xa0" keeps a date
# and an amount on one line.
SHORT_DATE_FORMAT = "j\xa0M\xa0Y"  # 23 Nov 2026
SHORT_DATETIME_FORMAT = "j\xa0M\xa0Y H:i"  # 23 Nov 2026 14:05
TIME_FORMAT = "H:i"  # 14:05
MONEY_FORMAT = "SEK\xa0{amount}"  # SEK 7,900.00
