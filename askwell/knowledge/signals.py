"""Signals other apps listen to, so the knowledge app needs to know nothing of them."""

from django.dispatch import Signal

# Sent on commit after a load changed topics; kwargs: changed (slugs), removed (slugs).
topics_changed = Signal()
