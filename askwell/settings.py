"""askwell settings. Every value a deployment may change comes from the environment.

See README.md, "Configuration", for the full list with defaults.
"""

from __future__ import annotations

import os
from pathlib import Path

from csp.constants import NONE, SELF

from askwell.env import (
    ConfigError,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_path,
    env_str,
    secret_key,
    sqlite_database,
)

# Lets ModelAdmin[Model], Sitemap[Model], a form field[Model] ... be subscripted at run time,
# as mypy wants (QuerySet and Manager can be already). Not under the quick settings of
# `askwell ask` (askwell/cli_settings.py), whose apps subscript none of them: importing every
# class it patches (the admin, sitemaps, feeds, generic views, sessions) was a tenth of the
# command's start.
if os.environ.get("DJANGO_SETTINGS_MODULE") != "askwell.cli_settings":
    import django_stubs_ext

    django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent
DATA_DIR = env_path("ASKWELL_DATA_DIR", REPO_DIR / "var")
# The optional sentence-embedding model that `make install` builds (scripts/build-semantic-model.sh);
# "off" switches it off. Without it, instant answers rank with words alone.
SEMANTIC_MODEL_DIR = (None if env_str("ASKWELL_SEMANTIC_MODEL", "") == "off"
                      else env_path("ASKWELL_SEMANTIC_MODEL", REPO_DIR / "var" / "models" / "all-minilm-l6-v2"))
CONTENT_DIR = env_path("ASKWELL_CONTENT_DIR", REPO_DIR / "content")

PRODUCTION = env_bool("ASKWELL_PRODUCTION", False)
DEBUG = env_bool("DEBUG", False)
if PRODUCTION and DEBUG:
    raise ConfigError("DEBUG cannot be on when ASKWELL_PRODUCTION is on")

SECRET_KEY = secret_key(DATA_DIR, PRODUCTION)
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver", "[::1]"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ConfigError("ALLOWED_HOSTS is required when ASKWELL_PRODUCTION is on")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # The admin signs in through the site's login (allauth: rate-limited, TOTP) like moderators,
    # with no form of its own (askwell/accounts/admin_site.py).
    "askwell.accounts.admin_site.AskwellAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # The API docs (Swagger UI) from django-ninja's own static files, not a CDN the CSP refuses.
    "ninja",
    "askwell.core",
    "askwell.knowledge",
    "askwell.helpnow",
    "askwell.answers",
    "askwell.checker",
    "askwell.accounts",
    "askwell.community",
    "askwell.moderation",
    "askwell.feedback",
    # Accounts: sign-in by email address, verification and TOTP (django-allauth).
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # The task queue for emails (django-tasks; the database backend, worked by `askwell db_worker`).
    "django_tasks",
    "django_tasks_db",
    # Failed sign-ins (site and admin alike) lock out in the database: askwell/accounts/lockout.py.
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # ETags, 304s, Cache-Control and compression; outermost but one, so it sees finished bodies.
    "askwell.core.httpcache.HttpCacheMiddleware",
    # A cached page for a reader with no cookie is answered here, before sessions, CSRF, auth,
    # messages and URL resolution (the headers the rest would add are remembered per address).
    "askwell.core.pagecache.CachedPageMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # NUL and lone surrogates are refused with 400 before sessions, views or the database see them.
    "askwell.core.middleware.RefuseUnstorableInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Fills in forms' fill-time stamps as each response leaves, so cached pages never carry one.
    "askwell.moderation.middleware.FormStampMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

# Behind a reverse proxy (deploy/nginx.conf.template), the client's address is the X-Real-IP the
# proxy sets, believed only from the proxies listed here, so rate limits, the sign-in lockout and
# logs count people, not the proxy (askwell/core/proxy.py).
ASKWELL_TRUSTED_PROXIES = env_list("ASKWELL_TRUSTED_PROXIES", [])
MIDDLEWARE.insert(0, "askwell.core.proxy.RealClientAddressMiddleware")

ROOT_URLCONF = "askwell.urls"
WSGI_APPLICATION = "askwell.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [REPO_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "askwell.core.context_processors.site",
            ],
        },
    }
]

_database_url = os.environ.get("DATABASE_URL", "").strip()
if _database_url:
    DATABASES = {"default": database_from_url(_database_url, env_int("DB_CONN_MAX_AGE", 60, minimum=0))}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {"default": sqlite_database(DATA_DIR / "askwell.sqlite3")}
# PostgreSQL plans the instant answers' search statements once per connection (prepared
# statements). Switch off behind a pooler in transaction mode that cannot keep them.
DB_PREPARED_SEARCHES = env_bool("DB_PREPARED_SEARCHES", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Opt in now to the Django 6.0 behaviour (URL fields assume https), silencing the warning.
FORMS_URLFIELD_ASSUME_HTTPS = True

# Cache: Redis when REDIS_URL is set (shared by workers and app servers), otherwise a
# per-process memory cache for pages and site settings. Rate limits must hold across every
# worker, so without Redis they count in a table of the database ("ratelimit", created by
# migrate and by `askwell` on first use; askwell/core/cache.py makes its counters atomic).
REDIS_URL = env_str("REDIS_URL", "")
CACHES: dict[str, dict[str, object]]
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "askwell.core.rediscache.RedisCache", "LOCATION": REDIS_URL},
        "ratelimit": {"BACKEND": "askwell.core.rediscache.RedisCache", "LOCATION": REDIS_URL,
                      "KEY_PREFIX": "ratelimit"},
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "askwell"},
        "ratelimit": {"BACKEND": "askwell.core.cache.DatabaseCache", "LOCATION": "askwell_ratelimit_cache",
                      # Each write counts the rows (then drops expired ones past the maximum): keep it small.
                      "OPTIONS": {"MAX_ENTRIES": 10_000}},
    }
CACHE_PAGES_SECONDS = env_int("CACHE_PAGES_SECONDS", 300, minimum=0)
# Without Redis each worker keeps its own pages, so the content version that retires them all
# is a counter in this file, which every worker on the machine maps (askwell/core/pagecache.py).
ASKWELL_CONTENT_VERSION_FILE = DATA_DIR / "content-version"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [REPO_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "askwell.core.staticstorage.CompressedOnceStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", PRODUCTION)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600
# A file missing from the manifest is linked by its plain name (a missing asset), never a 500 page.
WHITENOISE_MANIFEST_STRICT = False

# EMAIL_BACKEND (the environment) names the backend that delivers; the one Django uses wraps it so
# an email a task sends again after a crash keeps its Message-ID (askwell/core/mail.py).
EMAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_BACKEND = "askwell.core.mail.StableMessageIdBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Where EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend writes (a file per email).
EMAIL_FILE_PATH = env_path("EMAIL_FILE_PATH", DATA_DIR / "mail")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "askwell <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: strict in production mode so `askwell check --deploy` is clean.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts, styles, fonts and requests from this site only,
# nothing inline (the templates and static/js have no inline script, style or handler; the
# JSON-LD blocks are data, not scripts), images from here or data: URIs (the TOTP QR code).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Logging: never log request bodies or email addresses; errors go to stderr.
LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ConfigError(f"LOG_LEVEL={LOG_LEVEL!r} is not a log level")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_email": {"()": "askwell.core.logging.RedactEmailFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_email"]},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}

ASKWELL_SITE_NAME = env_str("ASKWELL_SITE_NAME", "askwell")

# --- accounts and community ---
# Accounts by django-allauth (email login, verification, TOTP); community emails through
# django-tasks (database queue, worked by `askwell db_worker`; ASKWELL_TASKS=immediate sends
# inside the worker-less process instead, which `make run` may use on one machine).
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_USERNAME_CALLABLE = "askwell.accounts.lockout.login_name"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
# The username is the public name; the email address is never shown.
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Confirming the emailed link signs the person in (same browser), then honours `next`.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_FORMS = {"signup": "askwell.accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "askwell.accounts.adapter.AccountAdapter"  # a fresh sign-in counts as re-authentication
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{ASKWELL_SITE_NAME}] "
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "/accounts/login/"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = ASKWELL_SITE_NAME
CSRF_FAILURE_VIEW = "askwell.accounts.views.csrf_failure"
_tasks_backend = env_str("ASKWELL_TASKS", "database")
if _tasks_backend not in {"database", "immediate"}:
    raise ConfigError(f"ASKWELL_TASKS={_tasks_backend!r} must be 'database' or 'immediate'")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if _tasks_backend == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}
# A task RUNNING longer than this is presumed orphaned by a dead worker and run again
# (askwell/core/taskqueue.py); keep it well above the longest task (emails take seconds).
ASKWELL_TASK_LEASE_SECONDS = env_int("ASKWELL_TASK_LEASE_SECONDS", 600, minimum=1)
# /readyz answers 503 when a task has waited longer than this (no db_worker is working the queue).
ASKWELL_READY_QUEUE_DELAY_SECONDS = env_int("ASKWELL_READY_QUEUE_DELAY_SECONDS", 600, minimum=1)
# Spam defences (see askwell/moderation/spam.py).
ASKWELL_MIN_FILL_SECONDS = env_int("ASKWELL_MIN_FILL_SECONDS", 3, minimum=0)
RATELIMIT_USE_CACHE = "ratelimit"
