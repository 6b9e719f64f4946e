import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CustomerLink(models.Model):
    """The one backend customer a portal account acts for.

    One account, one customer: both sides are unique. Staff accounts have none.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="customer_link")
    customer_number = models.CharField(_("kundnummer"), max_length=32, unique=True)
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kundkoppling")
        verbose_name_plural = _("kundkopplingar")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.customer_number}"


class PendingLink(models.Model):
    """A link waiting for the one-time code sent to a contact the landlord holds for the customer.

    Bound to one signup: the token is kept in that signup's session and the code is
    hashed with it, so a code of another signup never matches. Only a hash of the
    code is stored. user is empty when the signup's e-mail already had an account:
    no code is sent then, yet the page looks the same (no e-mail enumeration).
    """

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="pending_links"
    )
    customer_number = models.CharField(_("kundnummer"), max_length=32)
    channel = models.CharField(max_length=8)  # "email" or "sms"
    masked_address = models.CharField(max_length=80)  # as shown to the person, never the address itself
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("väntande kundkoppling")
        verbose_name_plural = _("väntande kundkopplingar")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.customer_number} ({self.channel})"


class LinkAttempt(models.Model):
    """The audit of every attempt to link an account to a customer: when, from where, and how it went.

    The personnummer is never stored: personnummer_hash is a keyed HMAC of it
    (SECRET_KEY), enough to see that attempts came with the same one.
    """

    class Outcome(models.TextChoices):
        # Read by staff and support in the database, so no translated labels.
        CODE_SENT = "code_sent"
        CODE_WITHHELD = "code_withheld"
        NO_CONTACT = "no_contact"
        MISMATCH = "mismatch"
        ALREADY_LINKED = "already_linked"
        UNAVAILABLE = "unavailable"
        LIMITED = "limited"
        WRONG_CODE = "wrong_code"
        EXPIRED = "expired"
        LOCKED = "locked"
        LINKED = "linked"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    customer_number = models.CharField(_("kundnummer"), max_length=32, db_index=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    personnummer_hash = models.CharField(max_length=64, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("kopplingsförsök")
        verbose_name_plural = _("kopplingsförsök")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.customer_number} {self.outcome}"
