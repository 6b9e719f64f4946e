"""Attachments of the tenants' messages (NotifieringBilaga): a notice about the water and a map.

Every news item about the water shut-off carries the notice as a PDF; the demo
customer's also carries a plan of the shut-off as a picture, so a message with
two attachments of two types is always there to try. One file per street, stored under a
deterministic name, so a rebuild overwrites it.
"""

from django.core.files.base import ContentFile
from django.utils.text import slugify

from apps.sandbox.demo.files import simple_pdf, simple_png
from apps.sandbox.demo.run import DemoRun
from apps.sandbox.models import CustomerMessage, MessageAttachment

FOLDER = "sandbox/attachments"


def build_message_attachments(run: DemoRun, demo_customer_number: str) -> None:
    storage = MessageAttachment._meta.get_field("file").storage
    stored: dict[str, str] = {}  # one file per street, shared by every tenant's message about it

    def store(name: str, make) -> str:
        if name not in stored:
            storage.delete(name)
            stored[name] = storage.save(name, ContentFile(make()))
        return stored[name]

    def attachment(message: CustomerMessage, name: str, content_type: str, file: str) -> MessageAttachment:
        return MessageAttachment(
            id=run.next_id("attachment"), message=message, name=name, content_type=content_type, file=file
        )

    attachments = []
    news = CustomerMessage.objects.filter(channel=CustomerMessage.Channel.NYHET).select_related("customer")
    for message in news.order_by("pk"):
        street = message.subject.removeprefix("Vattenavstängning ").strip()
        notice = store(
            f"{FOLDER}/vattenavstangning-{slugify(street)}.pdf", lambda street=street: shut_off_notice(street)
        )
        attachments.append(attachment(message, "Information om vattenavstängning.pdf", "application/pdf", notice))
        if message.customer.customer_number == demo_customer_number:
            plan = store(f"{FOLDER}/karta-over-avstangningen.png", lambda: simple_png(320, 200, (90, 140, 200)))
            attachments.append(attachment(message, "Karta över avstängningen.png", "image/png", plan))
    MessageAttachment.objects.bulk_create(attachments)


def shut_off_notice(street: str) -> bytes:
    return simple_pdf(
        f"Vattenavstängning {street}",
        [
            "Vi byter avstängningsventiler i huset.",
            "Under arbetet är vattnet avstängt i hela trapphuset.",
            "Tappa upp vatten i förväg och lämna inga kranar öppna.",
            "Frågor? Ring kundservice, vardagar kl. 8-16.",
        ],
    )
