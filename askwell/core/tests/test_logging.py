import logging

import pytest

from askwell.core.logging import RedactEmailFilter


def test_it_hides_email_addresses_in_log_lines(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("askwell.test.redact")
    logger.addFilter(RedactEmailFilter())
    with caplog.at_level(logging.INFO):
        logger.info("reply to %s please", "jo.bloggs+x@example.co.uk")
    assert "jo.bloggs" not in caplog.text
    assert "[email hidden]" in caplog.text
