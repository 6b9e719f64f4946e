"""The FAST2 API arbetsorder 1.1 facade: the same errand rows as PM5, seen as work orders."""
