"""The demo housing company: build_demo() fills the sandbox, reset_demo() empties it."""

from apps.sandbox.demo.builder import DemoDataExists, DemoSummary, build_demo, has_demo_data, reset_demo

__all__ = ["DemoDataExists", "DemoSummary", "build_demo", "has_demo_data", "reset_demo"]
