from django.urls import path

from apps.invoices import views

app_name = "invoices"

urlpatterns = [
    path("", views.invoice_list, name="list"),
    path("<str:number>/", views.invoice_detail, name="detail"),
    path("<str:number>/pdf/", views.invoice_pdf, name="pdf"),
    path("<str:number>/pdf/visa/", views.invoice_pdf, {"inline": True}, name="pdf_inline"),
]
