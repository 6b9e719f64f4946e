from tests.sandbox.conftest import pm5, settings_for_sandbox, small_demo  # noqa: F401  (for test_sandbox_*.py)
