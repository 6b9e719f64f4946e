"""FAST2 routes: /oauth2/token at the API root, the resource API under /ao-produkt (contract ambiguity 1).

Literal segments (vardelista) come before {id}; a trailing slash is accepted (ambiguity 29).
"""

from django.urls import re_path

from apps.sandbox.fast2 import customers, events, files, structure_views, times, views

AO = r"ao-produkt/v1"
ID = r"(?P<work_order_id>[^/]+)"
FS = rf"{AO}/fastastrukturen"
TID = r"(?P<time_id>[^/]+)"

urlpatterns = [
    re_path(r"^oauth2/token/?$", views.token, name="fast2-token"),
    re_path(rf"^{AO}/auth/login/?$", views.login, name="fast2-login"),
    # GET lists, POST creates (seed 7.6.2, written with a trailing slash).
    re_path(rf"^{AO}/arbetsorder/?$", views.work_order_list, name="fast2-work-orders"),
    re_path(rf"^{AO}/arbetsorder/handelser/vardelista/?$", events.event_types, name="fast2-event-types"),
    re_path(rf"^{AO}/arbetsorder/handelser/?$", events.events, name="fast2-events"),
    re_path(rf"^{AO}/arbetsorder/handelser/(?P<event_id>[^/]+)/?$", events.event_detail, name="fast2-event"),
    re_path(rf"^{AO}/arbetsorder/{ID}/status/vardelista/?$", views.status_values, name="fast2-status-values"),
    re_path(rf"^{AO}/arbetsorder/kontaktpersoner/?$", views.contact_list, name="fast2-contacts"),
    re_path(rf"^{AO}/arbetsorder/kontaktpersoner/(?P<contact_id>[^/]+)/?$", views.contact_detail, name="fast2-contact"),
    re_path(rf"^{AO}/arbetsorder/tider/aktiviteter/vardelista/?$", times.activities, name="fast2-activities"),
    re_path(rf"^{AO}/arbetsorder/tider/starta/?$", times.start, name="fast2-time-start"),
    re_path(rf"^{AO}/arbetsorder/tider/stoppa/?$", times.stop_running, name="fast2-time-stop-running"),
    re_path(rf"^{AO}/arbetsorder/tider/{TID}/stoppa/?$", times.stop, name="fast2-time-stop"),
    re_path(rf"^{AO}/arbetsorder/tider/{TID}/?$", times.time_detail, name="fast2-time"),
    re_path(rf"^{AO}/arbetsorder/tider/?$", times.time_list, name="fast2-times"),
    re_path(rf"^{AO}/filetransfer/tempfile/?$", files.temp_file_upload, name="fast2-tempfile-upload"),
    re_path(rf"^{AO}/filetransfer/tempfile/(?P<name>[^/]+)/?$", files.temp_file, name="fast2-tempfile"),
    re_path(rf"^{AO}/filetransfer/file/(?P<file_id>[^/]+)/?$", files.work_order_file, name="fast2-file"),
    re_path(rf"^{AO}/arbetsorder/{ID}/sla/avslutad/?$", views.close_sla, name="fast2-sla-close"),
    re_path(rf"^{AO}/arbetsorder/{ID}/sla/?$", views.work_order_sla, name="fast2-sla"),
    re_path(rf"^{AO}/arbetsorder/{ID}/status/?$", views.work_order_status, name="fast2-status"),
    re_path(rf"^{AO}/arbetsorder/{ID}/?$", views.work_order_detail, name="fast2-work-order"),
    # Fasta strukturen (seed 7.1-7.3, 7.6.2 Hämta Fraser; the index's /fastastrukturen/fraser is an alias).
    re_path(
        rf"^{FS}/objekt/felanmalningsbara/uthyrningsbara/?$",
        structure_views.reportable_objects,
        {"rentable": True},
        name="fast2-reportable-rentable",
    ),
    re_path(
        rf"^{FS}/objekt/felanmalningsbara/ejuthyrningsbara/?$",
        structure_views.reportable_objects,
        {"rentable": False},
        name="fast2-reportable-common",
    ),
    re_path(rf"^{FS}/objekt/(?P<object_id>[^/]+)/?$", structure_views.object_detail, name="fast2-object"),
    re_path(rf"^{FS}/utrymmen/?$", structure_views.room_list, name="fast2-rooms"),
    re_path(rf"^{FS}/utrymmen/(?P<room_id>[^/]+)/?$", structure_views.room_detail, name="fast2-room"),
    re_path(rf"^{FS}/(?:enheter/)?fraser/?$", structure_views.phrases, name="fast2-phrases"),
    re_path(rf"^{FS}/enheter/?$", structure_views.unit_list, name="fast2-units"),
    re_path(rf"^{FS}/enheter/(?P<unit_id>[^/]+)/?$", structure_views.unit_detail, name="fast2-unit"),
    # Kund (seed 7.4, 7.4.1; the index's plural kontaktuppgifter is an alias).
    re_path(
        rf"^{AO}/kund/kundnummer/(?P<customer_number>[^/]+)/?$",
        customers.customer_by_number,
        name="fast2-customer-by-number",
    ),
    re_path(
        rf"^{AO}/kund/(?P<customer_id>[^/]+)/kontaktuppgift(?:er)?/?$",
        customers.contact_details,
        name="fast2-customer-contact",
    ),
    re_path(rf"^{AO}/kund/(?P<customer_id>[^/]+)/?$", customers.customer_detail, name="fast2-customer"),
]
