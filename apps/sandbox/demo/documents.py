"""The tenants' documents (SessionDokument): leases, house rules, manuals, drawings and links.

Every apartment gets its lease (the tenant's own), the house information and
rules, the stove's manual and a scanned floor plan; every laundry room its
rules, the washing machine's manual and a link to the maker's page. Files go
through Django's storage under deterministic names, so a rebuild overwrites
them instead of piling up copies.

The scanned floor plans are about 25 MB each: their bytes are made on the
first download (``make_on_demand``), so a build writes none of them.
"""

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.files.temp import NamedTemporaryFile

from apps.sandbox.demo import catalogue
from apps.sandbox.demo.estate import Estate
from apps.sandbox.demo.files import simple_pdf, text_pdf, write_scanned_drawing
from apps.sandbox.demo.people import Tenant
from apps.sandbox.demo.run import DemoRun
from apps.sandbox.models import Document, Lease, RentalObject

PDF = "application/pdf"
FOLDER = "sandbox/documents"
MANUAL_PAGES = 100  # five languages, twenty pages each: about 100 KB, the small file of the benchmark


def storage() -> Storage:
    return Document._meta.get_field("file").storage


def store(name: str, content: bytes) -> str:
    """Save ``content`` as ``name`` exactly, replacing an earlier build's file of that name."""
    storage().delete(name)
    return storage().save(name, ContentFile(content))


def build_documents(run: DemoRun, estate: Estate, tenants: list[Tenant]) -> None:
    company = estate.company
    leases = (
        Lease.objects.filter(customer__in=[t.customer for t in tenants])
        .select_related("customer", "rental_object__building")
        .order_by("pk")
    )
    shared = {
        "stove": store(f"{FOLDER}/bruksanvisning-spis-och-ugn.pdf", manual("Spis och ugn", STOVE)),
        "washer": store(f"{FOLDER}/bruksanvisning-tvattmaskin.pdf", manual("Tvättmaskin", WASHER)),
    }
    docs = []

    def add(**fields) -> None:
        docs.append(Document(id=run.next_id("document"), **fields))

    for lease in leases:
        obj = lease.rental_object
        add(
            document_type_id=catalogue.LEASE,
            customer=lease.customer,
            rental_object=obj,
            lease=lease,
            label=f"Hyresavtal {obj.number}",
            message=f"Ditt hyresavtal för {obj.type_label.lower()} {obj.number}.",
            extension=".PDF",
            content_type=PDF,
            position=10,
            file=store(
                f"{FOLDER}/hyresavtal-{obj.number}-{lease.pk}.pdf",
                simple_pdf(
                    f"Hyresavtal {obj.number}",
                    [
                        f"Hyresvärd: {company.name}, org.nr {company.organisation_number}",
                        f"Hyresgäst: {lease.customer.full_name}",
                        f"Objekt: {obj.type_label} {obj.number}, {obj.building.street}",
                        f"Avtalet gäller från {lease.start_date:%Y-%m-%d} tills vidare.",
                        "Uppsägningstiden är tre kalendermånader.",
                    ],
                ),
            ),
        )
    for tenant in tenants:
        apartment = tenant.apartment
        street = apartment.building.street
        add(
            document_type_id=catalogue.DRAWING,
            rental_object=apartment,
            label=f"Planritning {apartment.number}",
            message="Skannad ritning i A3 från husets originalhandlingar. Stor fil, cirka 25 MB.",
            extension=".PDF",
            content_type=PDF,
            position=10,
            recipe=Document.Recipe.SCANNED_DRAWING,
        )
        add(
            document_type_id=catalogue.INFORMATION,
            rental_object=apartment,
            label="Information om ditt boende",
            extension=".PDF",
            content_type=PDF,
            position=20,
            file=store(
                f"{FOLDER}/information-{apartment.number}.pdf",
                simple_pdf(
                    f"Välkommen till {street}",
                    [
                        f"Felanmälan gör du på Mina sidor eller på telefon {company.phone}.",
                        "Sopsortering finns i miljöhuset på gården.",
                    ],
                ),
            ),
        )
        add(
            document_type_id=catalogue.INFORMATION,
            rental_object=apartment,
            label="Trivselregler",
            message=f"Regler för alla som bor i {street}.",
            extension=".PDF",
            content_type=PDF,
            position=30,
            file=store(f"{FOLDER}/trivselregler-{apartment.number}.pdf", simple_pdf("Trivselregler", HOUSE_RULES)),
        )
        add(
            document_type_id=catalogue.MANUAL,
            rental_object=apartment,
            label="Spis och ugn",
            message="Bruksanvisning för spisen och ugnen i köket.",
            extension=".PDF",
            content_type=PDF,
            position=10,
            file=shared["stove"],
        )
    for laundry in estate.laundry_of.values():
        add(
            document_type_id=catalogue.LAUNDRY,
            rental_object=laundry,
            label="Ordningsregler för tvättstugan",
            extension=".PDF",
            content_type=PDF,
            position=10,
            file=store(f"{FOLDER}/ordningsregler-{laundry.number}.pdf", simple_pdf("Ordningsregler", LAUNDRY_RULES)),
        )
        add(
            document_type_id=catalogue.LAUNDRY,
            rental_object=laundry,
            label="Tvättmaskin 1",
            message="Bruksanvisning för tvättmaskin 1.",
            extension=".PDF",
            content_type=PDF,
            position=40,
            file=shared["washer"],
        )
        add(
            document_type_id=catalogue.LAUNDRY,
            rental_object=laundry,
            label="Tvättmaskin 1 på tillverkarens webbplats",
            web_url="https://www.tallbacken.example/bruksanvisning/tvattmaskin.html",
            message="Filmer och vanliga frågor om tvättmaskinen.",
            position=50,
        )
    Document.objects.bulk_create(docs)


def make_on_demand(document: Document) -> None:
    """Make the file of a document that has a recipe and no file yet, and remember it."""
    if document.file or not document.recipe:
        return
    obj: RentalObject = document.rental_object
    # Named after the object alone, and drawn from its number alone: any build's plan of
    # this object is the same file, so one made earlier is reused as it is.
    name = f"{FOLDER}/ritningar/planritning-{obj.number}.pdf"
    if not storage().exists(name):
        with NamedTemporaryFile(suffix=".pdf") as scratch:
            write_scanned_drawing(
                scratch,
                title=f"Planritning {obj.number}",
                caption=f"{obj.type_label}, {obj.rooms or 1} rum och kök, {obj.building.street}",
                rooms=obj.rooms or 1,
                seed=obj.number,
            )
            scratch.seek(0)
            name = storage().save(name, File(scratch))
    document.file.name = name
    document.save(update_fields=["file"])


def manual(appliance: str, chapters: dict[str, list[str]]) -> bytes:
    """A manual of MANUAL_PAGES pages: the chapters in Swedish, then again in the other languages."""
    pages = []
    languages = ("Svenska", "Norsk", "Dansk", "Suomi", "English")
    for index in range(MANUAL_PAGES):
        language = languages[index * len(languages) // MANUAL_PAGES]
        heading, lines = list(chapters.items())[index % len(chapters)]
        numbered = [f"{n}. {line}" for n, line in enumerate(lines, start=1)]
        pages.append([f"{language}: {heading}", "", *numbered, "", *MANUAL_FOOTER])
    return text_pdf(f"Bruksanvisning: {appliance}", pages)


HOUSE_RULES = [
    "Visa hänsyn mot dina grannar, särskilt mellan kl. 22 och 07.",
    "Rökning är inte tillåten i trapphus, källare eller på balkonger.",
    "Cyklar och barnvagnar ställs i cykelrummet, inte i trapphuset.",
    "Grilla inte med kol på balkongen; elgrill går bra.",
    "Anmäl fel och skador så snart du upptäcker dem.",
]
LAUNDRY_RULES = [
    "Boka tid på bokningstavlan. Tvättiden är 07-22.",
    "Städa efter dig och rensa luddfiltret i torktumlaren.",
    "Tvätta inte mattor i maskinerna; använd mangelrummet.",
]
STOVE = {
    "Säkerhet": [
        "Låt inte barn använda spisen utan tillsyn.",
        "Lämna aldrig en tänd platta utan uppsikt.",
        "Släck brinnande olja med ett lock, aldrig med vatten.",
        "Spisvakten stänger av spisen efter en stunds inaktivitet.",
        "Använd ugnshandskar när du tar ut varma formar.",
    ],
    "Före första användningen": [
        "Ta bort allt emballage och alla skyddsfilmer.",
        "Värm den tomma ugnen på 250 grader i en timme.",
        "Vädra köket under tiden; lukten är normal första gången.",
        "Torka av plåtar och galler med varmt vatten och diskmedel.",
    ],
    "Hällen": [
        "Välj platta med vredet och ställ in effekten 1-9.",
        "Använd kastruller med plan botten som täcker plattan.",
        "Restvärmeindikatorn lyser tills plattan har svalnat.",
        "Rengör hällen med en skrapa och rengöringsmedel för glaskeramik.",
    ],
    "Ugnen": [
        "Välj funktion: över- och undervärme, varmluft eller grill.",
        "Ställ in temperaturen; lampan släcks när ugnen är varm.",
        "Varmluft passar för bakning på flera plåtar samtidigt.",
        "Grilla med luckan stängd och plåten på översta falsen.",
    ],
    "Rengöring och fel": [
        "Stäng av spisen och låt den svalna innan du rengör den.",
        "Luckans glas kan tas loss för rengöring.",
        "Om ugnen inte blir varm: kontrollera säkringen och klockans inställning.",
        "Gör en felanmälan på Mina sidor om felet kvarstår.",
    ],
}
WASHER = {
    "Säkerhet": [
        "Öppna inte luckan medan maskinen arbetar.",
        "Tvätta inte plagg med bensin, lösningsmedel eller olja.",
        "Håll barn och husdjur borta från maskinen.",
    ],
    "Sortera tvätten": [
        "Sortera efter färg och tvättemperatur.",
        "Töm fickorna och stäng dragkedjor.",
        "Tvätta små plagg i en tvättpåse.",
    ],
    "Program": [
        "Bomull 60: vitt och kulört som tål hög temperatur.",
        "Syntet 40: blandmaterial och skjortor.",
        "Fintvätt 30: ull och känsliga plagg.",
        "Snabb 30: lätt smutsad tvätt, 30 minuter.",
    ],
    "Tvättmedel": [
        "Dosera efter vattnets hårdhet; vattnet i huset är mjukt.",
        "Tvättmedel i fack II, sköljmedel i facket med blomman.",
        "För mycket tvättmedel ger rester och lukt.",
    ],
    "Efter tvätten": [
        "Ta ur tvätten direkt och lämna luckan på glänt.",
        "Torka av gummibälgen vid luckan.",
        "Felkod E10: vattenkranen är stängd. Kontakta fastighetsskötaren.",
    ],
}
MANUAL_FOOTER = [
    "Spara bruksanvisningen. Den finns alltid på Mina sidor under Dokument.",
    "Hyresvärden ansvarar för service och reparationer av maskinen.",
]
