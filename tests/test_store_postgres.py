"""The storing tests of tests/test_store.py, run on PostgreSQL (a throwaway database, emptied per test)."""

import pytest
from tests.test_store import (  # noqa: F401 - collected here again, with this module's `engine`
    test_bias_rows_of_every_metric_and_slice_are_stored,
    test_children_are_replaced_not_duplicated,
    test_detail_rows_of_a_document,
    test_duplicates_keep_the_original_row,
    test_identical_store_changes_no_row_count_in_any_table,
    test_rerun_changes_no_row_count_and_updates_in_place,
    test_same_document_twice_in_one_batch_is_one_row,
    test_stored_hashes_only_counts_processed_or_review,
    test_writes_are_bulk_not_one_round_trip_per_row,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def engine(empty_postgres):
    return empty_postgres
