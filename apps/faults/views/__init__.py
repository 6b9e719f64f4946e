"""The fault views, one module per feature: the wizard, its photos, submitting, and the errands."""
