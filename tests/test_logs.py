import logging

import structlog

from loan_extractor.logs import LOGGER_NAME, configure_logging, mask_numbers


def test_mask_numbers_keeps_only_last_four() -> None:
    text = "SSN 123-45-6789, 123456789 and account 000123456789; gross 4,210.55 in 2025"
    masked = mask_numbers(text)
    assert "123-45-6789" not in masked and "123456789" not in masked and "000123456789" not in masked
    assert "6789" in masked and "4,210.55" in masked and "2025" in masked


def test_log_lines_are_masked(caplog) -> None:
    configure_logging("json", "INFO", attach_handler=False)
    logging.getLogger(LOGGER_NAME).propagate = True
    with caplog.at_level(logging.INFO, logger=LOGGER_NAME):
        structlog.get_logger(f"{LOGGER_NAME}.test").info("read", ssn="987-65-4321", note="acct 12345678901234")
    assert caplog.records, "nothing was logged"
    line = caplog.records[-1].getMessage()
    assert "987-65-4321" not in line and "12345678901234" not in line
    assert "4321" in line and "1234" in line
