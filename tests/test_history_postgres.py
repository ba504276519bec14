"""The history tests of tests/test_history.py, run on PostgreSQL (a throwaway database, emptied per test)."""

import pytest
from tests.test_history import (  # noqa: F401 - collected here again, with this module's `engine`
    test_a_value_usual_in_a_small_batch_is_an_outlier_against_history,
    test_history_before_a_runs_start_leaves_out_what_was_stored_after_it,
    test_history_holds_usable_documents_of_the_batch_types_only,
    test_history_is_one_query_for_documents_and_one_for_runs,
    test_lookback_and_row_cap,
    test_stored_runs_carry_their_figures,
    test_the_batch_document_itself_is_not_its_own_history,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def engine(empty_postgres):
    return empty_postgres
