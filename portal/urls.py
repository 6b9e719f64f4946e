from django.conf import settings
from django.urls import include, path

from portal import views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("tillganglighet/", views.accessibility, name="accessibility"),  # public: no login
    path("integritet/", include("apps.privacy.urls")),  # the page is public; export and delete need a login
    path("konto/", include("apps.accounts.urls")),  # before allauth's paths, none of which it shadows
    path("konto/", include("allauth.urls")),
    path("fakturor/", include("apps.invoices.urls")),
    path("betala-kontant/", include("apps.cashpoints.urls")),
    path("dokument/", include("apps.documents.urls")),
    path("", include("apps.faults.urls")),  # felanmalan/ (the wizard) and arenden/ (errands)
    path("", include("apps.sharing.urls")),  # arenden/<id>/dela/ (the tenant's) and delat/<token>/ (public)
    path("meddelanden/", include("apps.inbox.urls")),
    path("adresser/", include("apps.addresses.urls")),
    path("kontaktuppgifter/", include("apps.contacts.urls")),
    path("hemmet/", include("apps.home.urls")),
    path("", include("apps.kobo.urls")),  # uppsagning/ (give notice) and kobo/webhook/ (Kobo's messages)
    path("personal/", include("apps.staff.urls")),  # staff only: StaffMiddleware guards it whole
    path("", include("apps.customer.urls")),
]

if settings.SANDBOX_ENABLED:
    # Reached only over HTTP, by the backend clients, exactly like a real backend.
    urlpatterns.append(path("sandbox/", include("apps.sandbox.urls")))
