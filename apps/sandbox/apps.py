from django.apps import AppConfig


class SandboxConfig(AppConfig):
    name = "apps.sandbox"
    label = "sandbox"
    verbose_name = "Sandbox (inbyggd referensbackend)"

    def ready(self) -> None:
        from apps.sandbox import redaction

        redaction.install()
