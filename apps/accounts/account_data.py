"""What the portal holds about one account itself: for the tenant's export.

The account, its e-mail addresses, its second factors (their kind only), the link
to the backend customer, codes sent for linking and the audit of link attempts
made from the account. Never a password hash, a TOTP secret, a recovery code, a
code's hash, a session or the keyed hash of a personnummer.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from apps.accounts.models import CustomerLink, LinkAttempt, PendingLink


def held_for(user) -> dict:
    link = CustomerLink.objects.filter(user=user).first()
    return {
        "account": {
            "email": user.email,
            "created_at": user.date_joined,
            "last_login": user.last_login,
            "second_factors": [
                {"kind": factor.type, "added_at": factor.created_at, "last_used_at": factor.last_used_at}
                for factor in Authenticator.objects.filter(user=user).order_by("created_at")
            ],
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "customer_link": {"customer_number": link.customer_number, "linked_at": link.linked_at} if link else None,
        "link_codes": [
            {
                "customer_number": pending.customer_number,
                "sent_by": pending.channel,
                "sent_to": pending.masked_address,
                "sent_at": pending.created_at,
                "valid_until": pending.expires_at,
                "tries": pending.tries,
                "used_at": pending.used_at,
            }
            for pending in PendingLink.objects.filter(user=user)
        ],
        # Attempts made from this account only: attempts on the same customer number by others are theirs.
        "link_attempts": [
            {
                "at": attempt.created_at,
                "ip": attempt.ip,
                "customer_number": attempt.customer_number,
                "outcome": attempt.outcome,
            }
            for attempt in LinkAttempt.objects.filter(user=user)
        ],
    }
