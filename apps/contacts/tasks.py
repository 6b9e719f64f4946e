from celery import shared_task
from django.utils import translation

from apps.contacts import services


@shared_task(
    name=services.SEND_CHANGE_LINK_TASK, autoretry_for=(OSError,), retry_backoff=True, retry_kwargs={"max_retries": 5}
)
def send_email_change_link(change_id: int, site_url: str, language: str) -> None:
    """E-mail the confirmation link of one e-mail change, in the tenant's language.

    Takes the change's id, not the link: the signed link is made here and never
    travels through the broker. OSError covers a mail server that is down for a moment.
    """
    with translation.override(language):
        services.send_change_link(change_id, site_url)


@shared_task(name="contacts.purge_old_changes", ignore_result=True)
def purge_old_changes() -> None:
    services.purge_old_changes()
