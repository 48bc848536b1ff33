"""Make sure an administrator exists; on first run print a one-time generated password."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Create the 'admin' superuser with a generated password if no superuser exists yet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")

    def handle(self, *args: Any, **options: Any) -> None:
        users = get_user_model()
        if users.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An administrator already exists. Forgotten the password? Run: .venv/bin/askwell changepassword admin"
            )
            return
        password = secrets.token_urlsafe(12)
        users.objects.create_superuser(username=options["username"], email="", password=password)
        self.stdout.write(self.style.SUCCESS(
            "\nCreated the administrator account (shown once; change it after signing in):\n"
            "  admin page: http://127.0.0.1:8000/admin/\n"
            f"  username:   {options['username']}\n  password:   {password}\n"
        ))
