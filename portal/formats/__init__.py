"""Per-language display formats, found by Django through FORMAT_MODULE_PATH.

Only what differs from Django's own locale formats is set here; anything not
named falls through to django/conf/locale/<lang>/formats.py. The input formats
(DATE_INPUT_FORMATS ...) are deliberately left alone: <input type="date"> sends
ISO 8601 in every language.

MONEY_FORMAT is ours (Django has no currency format): where the amount goes
relative to the currency. The currency is always Swedish kronor, since the
landlord invoices in SEK whatever language the tenant reads.
"""
