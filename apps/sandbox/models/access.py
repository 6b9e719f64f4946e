"""How clients reach the sandbox: session keys, and the failures it is told to fake."""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from apps.sandbox.models.customers import Customer


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class SessionKeyQuerySet(models.QuerySet):
    def live(self, now: datetime) -> "SessionKeyQuerySet":
        return self.filter(expires_at__gt=now)


class SessionKey(models.Model):
    """A PM5 session key. Only its SHA-256 is stored: a leaked table opens no session."""

    key_hash = models.CharField(max_length=64, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="session_keys")
    created_at = models.DateTimeField()
    last_used_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    objects = SessionKeyQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self) -> str:
        return f"Session of customer {self.customer_id} until {self.expires_at:%Y-%m-%d %H:%M}"

    @classmethod
    def issue(cls, customer: Customer, *, now: datetime, ttl: timedelta) -> str:
        """Store a new key for ``customer`` and return it; the plain key exists only in the answer."""
        key = secrets.token_urlsafe(32)  # 43 characters
        cls.objects.filter(customer=customer, expires_at__lte=now).delete()
        cls.objects.create(
            key_hash=hash_key(key), customer=customer, created_at=now, last_used_at=now, expires_at=now + ttl
        )
        return key

    @classmethod
    def use(cls, key: str, *, now: datetime, ttl: timedelta) -> "SessionKey | None":
        """The live session for ``key``, its expiry slid forward; None when unknown or expired."""
        session = cls.objects.live(now).select_related("customer").filter(key_hash=hash_key(key)).first()
        if session is None:
            return None
        session.last_used_at = now
        session.expires_at = now + ttl
        session.save(update_fields=["last_used_at", "expires_at"])
        return session


class SandboxBehaviour(models.Model):
    """The one row that tells every sandbox API view to be slow or to fail.

    Read from the database on each request, so a management command or a test
    changes the behaviour of every process at once.
    """

    SINGLETON_PK = 1

    latency_ms = models.PositiveIntegerField(default=0)
    error_rate = models.FloatField(default=0.0, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)])
    outage = models.BooleanField(default=False)
    outage_path = models.CharField(
        max_length=200,
        blank=True,
        help_text="With outage on, only requests whose path contains this fail (empty: every request).",
    )

    class Meta:
        verbose_name_plural = "sandbox behaviour"
        constraints = [
            models.CheckConstraint(
                condition=Q(error_rate__gte=0) & Q(error_rate__lte=1), name="sandbox_error_rate_is_a_probability"
            ),
        ]

    def __str__(self) -> str:
        outage = "off" if not self.outage else f"on for paths with {self.outage_path}" if self.outage_path else "on"
        return f"latency {self.latency_ms} ms, error rate {self.error_rate:.2f}, outage {outage}"

    @classmethod
    def current(cls) -> "SandboxBehaviour":
        """The stored behaviour, or the well-behaved default (nothing is written on a read)."""
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls(pk=cls.SINGLETON_PK)
