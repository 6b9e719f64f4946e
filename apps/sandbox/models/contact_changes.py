"""A contact detail waiting for its owner to follow the link sent to it (Validera=true, contract A32)."""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.db import models

from apps.sandbox.models.customers import ContactDetail, Customer


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ContactValidationQuerySet(models.QuerySet):
    def pending(self, now: datetime) -> "ContactValidationQuerySet":
        return self.filter(used_at__isnull=True, expires_at__gt=now)


class ContactValidation(models.Model):
    """A new value for a contact detail, applied when its one-time key comes back.

    Only the key's SHA-256 is stored, as for session keys.
    """

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="contact_validations")
    kind = models.CharField(max_length=20, choices=ContactDetail.Kind.choices)
    value = models.CharField(max_length=254)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True, help_text="Confirmed, or replaced by a newer change.")

    objects = ContactValidationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of customer {self.customer_id}, until {self.expires_at:%Y-%m-%d %H:%M}"

    @classmethod
    def issue(cls, customer: Customer, kind: str, value: str, *, now: datetime, ttl: timedelta) -> str:
        """Store a pending value, replacing any earlier one of that kind; return the plain key."""
        cls.objects.filter(customer=customer, kind=kind).pending(now).update(used_at=now)
        key = secrets.token_urlsafe(32)
        cls.objects.create(
            customer=customer, kind=kind, value=value, key_hash=hash_key(key), created_at=now, expires_at=now + ttl
        )
        return key

    @classmethod
    def redeem(cls, customer: Customer, key: str, *, now: datetime) -> "ContactValidation | None":
        """Mark the customer's pending change with this key used and return it; None if there is none.

        The conditional update makes a key good for one use even when two requests race.
        """
        pending = cls.objects.filter(customer=customer, key_hash=hash_key(key)).pending(now)
        validation = pending.first()
        if validation is None or not pending.filter(pk=validation.pk).update(used_at=now):
            return None
        return validation
