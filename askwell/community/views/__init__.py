"""The community's pages, one module per subject:

- questions: the list, a question's page, asking, editing, deleting, its history
- answers: posting, editing, accepting (signed in) and "helpful" votes
- links: what the emailed signed links open (confirm a question, accept an answer, unsubscribe)
- comments: comments on articles and answers

Reports ("flags") are a moderation concept: askwell/moderation/views.py.
"""
