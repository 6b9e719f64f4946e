from django.urls import path

from apps.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.privacy, name="page"),  # public: no login
    path("mina-uppgifter/", views.download, name="export"),
    path("ta-bort-konto/", views.delete_account, name="delete"),
]
