from django.urls import path

from apps.inbox import views

app_name = "inbox"

urlpatterns = [
    path("", views.message_list, name="list"),
    path("<int:message_id>/", views.message_detail, name="detail"),
    path("<int:message_id>/bilagor/<int:external_id>/", views.attachment_download, name="attachment"),
]
