"""Settings for commands a person waits on (`askwell ask`): the site's settings, with only
the apps whose tables and addresses such a command reads.

Setting up every installed app (allauth, the admin, django-ninja and pydantic, the task queue,
the community's Markdown and its signal handlers) is half a second before a person's first
answer, and `ask` uses none of it. Everything else (the database, caches, the data directory,
the semantic model) is exactly the site's. askwell/cli.py uses this module only when the
database is already set up; otherwise the command runs on the full settings, which migrate
and load the packs first.
"""

from __future__ import annotations

from askwell.settings import *  # noqa: F403 - every setting is the site's
from askwell.settings import INSTALLED_APPS as SITE_APPS

# The tables and addresses `ask` reads: the indexed documents (answers), the packs and their
# topics (knowledge), the site's help numbers (core) and the Get help now page (helpnow).
QUICK_APPS = (
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "askwell.core",
    "askwell.knowledge",
    "askwell.helpnow",
    "askwell.answers",
)
INSTALLED_APPS = [app for app in SITE_APPS if app in QUICK_APPS]
