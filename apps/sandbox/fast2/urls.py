"""FAST2 routes: /oauth2/token at the API root, the resource API under /ao-produkt (contract ambiguity 1).

Literal segments (vardelista) come before {id}; a trailing slash is accepted (ambiguity 29).
"""

from django.urls import re_path

from apps.sandbox.fast2 import views

AO = r"ao-produkt/v1"
ID = r"(?P<work_order_id>[^/]+)"

urlpatterns = [
    re_path(r"^oauth2/token/?$", views.token, name="fast2-token"),
    re_path(rf"^{AO}/auth/login/?$", views.login, name="fast2-login"),
    re_path(rf"^{AO}/arbetsorder/?$", views.work_order_list, name="fast2-work-orders"),
    re_path(rf"^{AO}/arbetsorder/handelser/vardelista/?$", views.event_types, name="fast2-event-types"),
    re_path(rf"^{AO}/arbetsorder/handelser/?$", views.events, name="fast2-events"),
    re_path(rf"^{AO}/arbetsorder/{ID}/status/vardelista/?$", views.status_values, name="fast2-status-values"),
    re_path(rf"^{AO}/arbetsorder/kontaktpersoner/?$", views.contact_list, name="fast2-contacts"),
    re_path(rf"^{AO}/arbetsorder/kontaktpersoner/(?P<contact_id>[^/]+)/?$", views.contact_detail, name="fast2-contact"),
    re_path(rf"^{AO}/arbetsorder/{ID}/sla/avslutad/?$", views.close_sla, name="fast2-sla-close"),
    re_path(rf"^{AO}/arbetsorder/{ID}/sla/?$", views.work_order_sla, name="fast2-sla"),
    re_path(rf"^{AO}/arbetsorder/{ID}/status/?$", views.work_order_status, name="fast2-status"),
    re_path(rf"^{AO}/arbetsorder/{ID}/?$", views.work_order_detail, name="fast2-work-order"),
]
