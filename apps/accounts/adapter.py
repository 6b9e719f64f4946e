"""How allauth speaks for Mina sidor: our words, our e-mail path, our redirects."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.accounts import linking
from apps.accounts.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _("E-postadressen eller lösenordet är fel."),
        "too_many_login_attempts": _("Du har försökt logga in för många gånger. Vänta en stund och försök igen."),
        "rate_limited": _("Du har skickat för många förfrågningar. Vänta en stund och försök igen."),
        "enter_current_password": _("Skriv ditt nuvarande lösenord."),
        "incorrect_password": _("Lösenordet är fel."),
        "duplicate_email": _("Den här e-postadressen finns redan på ditt konto."),
        "cannot_remove_primary_email": _("Du kan inte ta bort din primära e-postadress."),
        "unverified_primary_email": _("Din primära e-postadress måste vara bekräftad."),
    }

    def get_login_redirect_url(self, request):
        """Staff without a tenant behind the account start at the work-order queue."""
        user = request.user
        if user.is_staff and not hasattr(user, "customer_link"):
            return resolve_url("staff:queue")
        return super().get_login_redirect_url(request)

    def respond_email_verification_sent(self, request, user):
        """After a signup, the page for the link code first; the e-mail to confirm waits in the inbox."""
        if linking.is_live(linking.current_pending(request)):
            return redirect("accounts:link")
        return super().respond_email_verification_sent(request, user)

    def format_email_subject(self, subject: str) -> str:
        return f"{gettext('Mina sidor')}: {subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render the e-mail now, in the request's language; send it from a task after commit."""
        message = self.render_mail(
            template_prefix,
            email,
            {"request": self.request, "email": email, "current_site": get_current_site(self.request), **context},
        )
        html_body = next(
            (content for content, mimetype in getattr(message, "alternatives", ()) if mimetype == "text/html"), ""
        )
        payload = {
            "subject": message.subject,
            "body": message.body,
            "html_body": html_body,
            "from_email": message.from_email,
            "to": list(message.to),
        }
        transaction.on_commit(lambda: send_email.delay(**payload))

    def is_safe_url(self, url: str | None) -> bool:
        """Only our own paths: a `next` naming any host, even this one, is refused."""
        return bool(url) and url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
