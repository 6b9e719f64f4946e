"""What the tenant's pages read: abuse limits per tenant, the landlord as payee, the
accessibility contact. Part of portal.settings (its docstring lists the parts).
"""

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_int, env_str
from portal.settings_base import PRODUCTION, SANDBOX_ENABLED

# Abuse limits per tenant (customer number) and hour, counted in the shared cache (portal.ratelimit):
# fault reports submitted, photos uploaded to the fault wizard, e-mail links for a new contact address.
FAULT_REPORTS_PER_TENANT_PER_HOUR = env_int("FAULT_REPORTS_PER_TENANT_PER_HOUR", 10)
FAULT_PHOTOS_PER_TENANT_PER_HOUR = env_int("FAULT_PHOTOS_PER_TENANT_PER_HOUR", 30)
CONTACT_EMAIL_CHANGES_PER_TENANT_PER_HOUR = env_int("CONTACT_EMAIL_CHANGES_PER_TENANT_PER_HOUR", 5)
# A shared errand's public page (apps/sharing): views per client IP and hour, found or not.
SHARED_ERRAND_VIEWS_PER_IP_PER_HOUR = env_int("SHARED_ERRAND_VIEWS_PER_IP_PER_HOUR", 60)

# The landlord as payee: shown with the payment details and put in the invoice QR code
# (UsingQR nme, cid); PM5 does not send them.
LANDLORD_NAME = env_str("LANDLORD_NAME", "Bostads AB Tallbacken" if SANDBOX_ENABLED else "")
LANDLORD_ORGANISATION_NUMBER = env_str("LANDLORD_ORGANISATION_NUMBER", "556677-8899" if SANDBOX_ENABLED else "")
# Where the accessibility statement (/tillganglighet/) asks people to report a problem.
ACCESSIBILITY_CONTACT_EMAIL = env_str(
    "ACCESSIBILITY_CONTACT_EMAIL", "tillganglighet@tallbacken.example" if SANDBOX_ENABLED else ""
)
if PRODUCTION and not ACCESSIBILITY_CONTACT_EMAIL:
    # The law on accessible public digital services asks for a way to report a problem.
    raise ImproperlyConfigured("ACCESSIBILITY_CONTACT_EMAIL must be set in production")
