"""Make sure an administrator exists; on first run print a one-time generated password."""

from __future__ import annotations

import secrets
from typing import TypedDict, Unpack

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser


class Options(TypedDict):
    """The options handle() reads, as add_arguments has argparse convert them (Django passes
    its standard ones, such as verbosity, as well)."""

    username: str
    email: str


class Command(BaseCommand):
    help = "Create the 'admin' superuser with a generated password if no superuser exists yet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost", help="The address the administrator signs in with.")

    def handle(self, *args: object, **options: Unpack[Options]) -> None:
        users = get_user_model()
        if users.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An administrator already exists. Forgotten the password? Run: .venv/bin/askwell changepassword admin"
            )
            return
        password = secrets.token_urlsafe(12)
        email = options["email"]
        user = users.objects.create_superuser(username=options["username"], email=email, password=password)
        # The admin signs in through the site's login (by email address), then sets up an
        # authenticator app before the admin opens (askwell/accounts/admin_site.py).
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        self.stdout.write(self.style.SUCCESS(
            "\nCreated the administrator account (shown once; change it after signing in):\n"
            f"  admin page: {settings.SITE_URL}/admin/ (sign in, then set up an authenticator app)\n"
            f"  email:      {email}\n  username:   {options['username']}\n  password:   {password}\n"
        ))
