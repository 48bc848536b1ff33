"""WSGI entry point for the bench baseline: askwell with the /bench-minimal/ view added."""

import os

os.environ["DJANGO_SETTINGS_MODULE"] = "minimal_settings"

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
