from celery import shared_task

from apps.cashpoints import services


@shared_task(name="cashpoints.sync_register", ignore_result=True)
def sync_register() -> None:
    """The daily copy of the cash-services register (beat); a failed read keeps the last copy."""
    services.sync_register()
