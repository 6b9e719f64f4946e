"""The work-order page: one view, whose POST branches on the name of the submit button pressed.

The actions of one page live together (Luke Plant's "single view with actions
combined"): each button has its own ``name``, and the view answers a redirect
back to the page (POST-redirect-GET), so the page works without JavaScript.
"""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from apps.staff.views import edit, events, files, times
from apps.staff.views.page import detail

# The submit buttons' names → what each does; the first one present in the POST wins.
ACTIONS = {
    "add_time": times.add_time,
    "change_time": times.change_time,
    "delete_time": times.delete_time,
    "start_timer": times.start_timer,
    "stop_timer": times.stop_timer,
    "change_event": events.change_event,
    "delete_event": events.delete_event,
    "edit_work_order": edit.edit_work_order,
    "attach_file": files.attach_file,
    "drop_file": files.drop_file,
}


@require_http_methods(["GET", "POST"])
def work_order(request: HttpRequest, work_order_id: int) -> HttpResponse:
    if request.method == "GET":
        return detail(request, work_order_id)
    action = next((ACTIONS[name] for name in ACTIONS if name in request.POST), None)
    if action is None:
        return HttpResponseBadRequest(_("Okänd åtgärd."))
    return action(request, work_order_id)
