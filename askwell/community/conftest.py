from askwell.community.testing import immediate_tasks  # noqa: F401
