"""Attachments of the tenants' messages (NotifieringBilaga): a notice about the water and a map.

Every news item about the water shut-off carries the notice as a PDF; the demo
customer's also carries a plan of the shut-off as a picture, so a message with
two attachments of two types is always there to try. Files are stored under
deterministic names, so a rebuild overwrites them.
"""

from django.core.files.base import ContentFile

from apps.sandbox.demo.files import simple_pdf, simple_png
from apps.sandbox.demo.run import DemoRun
from apps.sandbox.models import CustomerMessage, MessageAttachment

FOLDER = "sandbox/attachments"


def build_message_attachments(run: DemoRun, demo_customer_number: str) -> None:
    storage = MessageAttachment._meta.get_field("file").storage
    attachments = []

    def add(message: CustomerMessage, name: str, content_type: str, content: bytes) -> None:
        pk = run.next_id("attachment")
        stored = f"{FOLDER}/{pk}-{name.lower().replace(' ', '-')}"
        storage.delete(stored)
        saved = storage.save(stored, ContentFile(content))
        attachments.append(MessageAttachment(id=pk, message=message, name=name, content_type=content_type, file=saved))

    news = CustomerMessage.objects.filter(channel=CustomerMessage.Channel.NYHET).select_related("customer")
    for message in news.order_by("pk"):
        street = message.subject.removeprefix("Vattenavstängning ").strip()
        add(
            message,
            "Information om vattenavstängning.pdf",
            "application/pdf",
            simple_pdf(
                f"Vattenavstängning {street}",
                [
                    "Vi byter avstängningsventiler i huset.",
                    "Under arbetet är vattnet avstängt i hela trapphuset.",
                    "Tappa upp vatten i förväg och lämna inga kranar öppna.",
                    "Frågor? Ring kundservice, vardagar kl. 8-16.",
                ],
            ),
        )
        if message.customer.customer_number == demo_customer_number:
            add(message, "Karta över avstängningen.png", "image/png", simple_png(320, 200, (90, 140, 200)))
    MessageAttachment.objects.bulk_create(attachments)
