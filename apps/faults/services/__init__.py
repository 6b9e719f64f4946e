"""What the fault views call: drafts and answers (the wizard), photos, delivery (the outbox) and errands.

For other apps: ``active_draft_for(user)`` is the tenant's unfinished report, whose
wizard continues at ``reverse("faults:resume", args=[draft.public_id])``; ``draft_to_resume(user)``
is the same draft with only its ``public_id`` read, for a page that just links to it.
"""

from apps.faults.services.drafts import active_draft_for, draft_to_resume

__all__ = ["active_draft_for", "draft_to_resume"]
