from django.urls import include, path

from apps.staff import files, views

app_name = "staff"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("kobo/", include("apps.kobo.staff_urls")),  # the landlord's units in Kobo (apps/kobo)
    path("ny/", views.new_work_order, name="new_work_order"),
    path("min-resurs/", views.my_resource, name="my_resource"),
    path("arbetsorder/<int:work_order_id>/", views.work_order, name="work_order"),
    path("arbetsorder/<int:work_order_id>/status/", views.move_status, name="move_status"),
    path(
        "arbetsorder/<int:work_order_id>/filer/<int:file_id>/",
        files.work_order_file,
        name="work_order_file",
    ),
    path("arbetsorder/<int:work_order_id>/handelse/", views.add_event, name="add_event"),
    path("arbetsorder/<int:work_order_id>/prioritet/", views.change_priority, name="change_priority"),
    path("arbetsorder/<int:work_order_id>/planering/", views.plan, name="plan"),
    path("arbetsorder/<int:work_order_id>/sla/avsluta/", views.close_sla, name="close_sla"),
    path("arbetsorder/<int:work_order_id>/kontakter/", views.add_contact, name="add_contact"),
    path("arbetsorder/<int:work_order_id>/kontakter/<int:contact_id>/", views.edit_contact, name="edit_contact"),
    path(
        "arbetsorder/<int:work_order_id>/kontakter/<int:contact_id>/ta-bort/",
        views.remove_contact,
        name="remove_contact",
    ),
]
