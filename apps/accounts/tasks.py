from celery import shared_task
from django.core.mail import EmailMultiAlternatives

from apps.accounts.services import purge_expired_pending_links
from apps.accounts.sms import get_sms_sender


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_kwargs={"max_retries": 5})
def send_email(*, subject: str, body: str, html_body: str, from_email: str, to: list[str]) -> None:
    """Send one e-mail, already rendered in the request that asked for it.

    OSError covers SMTP errors and refused connections: the mail server may be
    down for a moment, so try again with backoff.
    """
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_kwargs={"max_retries": 5})
def send_sms(*, to: str, text: str) -> None:
    """Send one text message through the configured sender (SMS_SENDER), worded in the request."""
    get_sms_sender().send(to, text)


@shared_task(name="accounts.purge_expired_pending_links", ignore_result=True)
def purge_expired_pending_links_task() -> None:
    purge_expired_pending_links()
