"""Account writes: expert applications, followed topics, data export and account deletion."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from askwell.accounts.models import ExpertProfile, ExpertStatus
from askwell.knowledge.models import Topic


@transaction.atomic
def apply_as_expert(
    user: User, *, profession: str, registration_body: str, registration_number: str, bio: str
) -> ExpertProfile:
    profile, _ = ExpertProfile.objects.update_or_create(
        user=user,
        defaults={
            "profession": profession.strip(),
            "registration_body": registration_body.strip(),
            "registration_number": registration_number.strip(),
            "bio": bio.strip(),
            "status": ExpertStatus.PENDING,
            "decline_reason": "",
            "created_at": timezone.now(),
        },
    )
    return profile


@transaction.atomic
def set_followed_topics(profile: ExpertProfile, topics: list[Topic]) -> None:
    profile.topics.set(topics)


def export_data(user: User) -> dict[str, object]:
    """Everything the site holds about a person, for them alone (their own address included)."""
    from askwell.community.models import Answer, Comment, Question, Vote

    profile = ExpertProfile.objects.filter(user_id=user.pk).first()
    email = getattr(user, "email", "")
    return {
        "account": {
            "username": user.get_username(),
            "email": email,
            "date_joined": getattr(user, "date_joined", timezone.now()).isoformat(),
        },
        "expert_profile": None if profile is None else {
            "profession": profile.profession,
            "registration_body": profile.registration_body,
            "registration_number": profile.registration_number,
            "bio": profile.bio,
            "status": profile.status,
            "topics": list(profile.topics.values_list("slug", flat=True)),
        },
        "questions": [
            {"id": q.pk, "title": q.title, "body": q.body, "state": q.state, "created_at": q.created_at.isoformat(),
             "deleted": q.deleted_at is not None}
            for q in Question.objects.filter(author_id=user.pk)
        ],
        "answers": [
            {"id": a.pk, "question": a.question_id, "body": a.body, "created_at": a.created_at.isoformat()}
            for a in Answer.objects.filter(author_id=user.pk)
        ],
        "comments": [
            {"id": c.pk, "name": c.name, "website": c.website, "body": c.body, "status": c.status,
             "created_at": c.created_at.isoformat()}
            for c in Comment.objects.filter(author_id=user.pk)
        ],
        "helpful_votes": list(Vote.objects.filter(user_id=user.pk).values_list("answer_id", flat=True)),
    }


@transaction.atomic
def delete_account(user: User, *, remove_posts: bool) -> None:
    """Deletes the person. Their posts are removed, or kept without their name ("anonymised")."""
    from askwell.community import actions as community
    from askwell.community.models import Comment
    from askwell.core.pagecache import bump_content_version

    email = getattr(user, "email", "")
    if remove_posts:
        community.remove_member_content(user, actor=user)
    # Either way nothing keeps the address or the name: comments show "Former member".
    comments = Comment.objects.filter(author_id=user.pk)
    if email:
        comments = comments | Comment.objects.filter(email__iexact=email)
    for comment in comments:
        comment.name, comment.email, comment.website, comment.author = "Former member", "", "", None
        comment.save(update_fields=["name", "email", "website", "author"])
    transaction.on_commit(bump_content_version)
    user.delete()
