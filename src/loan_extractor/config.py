"""Pipeline limits and thresholds, read from `config/pipeline.yaml` and validated at load."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class AcquireConfig(BaseModel):
    model_config = _FROZEN
    ignore: tuple[str, ...] = (".*", "truth.json")


class Limits(BaseModel):
    model_config = _FROZEN
    max_file_bytes: int = Field(50 * 1024 * 1024, gt=0)
    max_pages: int = Field(50, gt=0)
    max_page_pixels: int = Field(100_000_000, gt=0)


class OcrConfig(BaseModel):
    model_config = _FROZEN
    language: str = "eng"
    render_dpi: int = Field(300, ge=72, le=600)
    page_timeout_seconds: float = Field(120, gt=0)
    min_text_layer_words: int = Field(20, ge=1)
    # Names the main model may have misread (diacritics) are re-read from their own region with this
    # model; "" turns it off. Optional unless name_model_required: then a missing model fails the run at start.
    name_model: str = "Latin+vie"  # Latin script, plus Vietnamese letters Latin lacks (ạ, ễ, ư, ơ...)
    name_model_required: bool = False
    name_reread_below: float = Field(0.9, ge=0, le=1)  # re-read a name whose weakest word is below this


class ExtractionConfig(BaseModel):
    model_config = _FROZEN
    min_field_confidence: float = Field(0.6, ge=0, le=1)
    min_type_score: float = Field(0.35, ge=0, le=1)


class ConsistencyConfig(BaseModel):
    model_config = _FROZEN
    name_similarity: float = Field(0.85, ge=0, le=1)
    income_tolerance: float = Field(0.15, ge=0, le=1)
    pay_periods_per_year: int = Field(26, gt=0)


class OutlierConfig(BaseModel):
    model_config = _FROZEN
    robust_z: float = Field(4.0, gt=0)
    min_group_size: int = Field(10, ge=3)
    # stored documents (processed or needing review) of the last `history_days` days, at most
    # `history_max_rows` of the newest, join the batch in the robust z; 0 days turns history off
    history_days: int = Field(90, ge=0)
    history_max_rows: int = Field(5000, ge=0)
    # IsolationForest per document type, once that many stored documents of the type are at hand
    isolation_min_history: int = Field(50, ge=10)
    isolation_contamination: float = Field(0.01, gt=0, le=0.5)  # flagged: above all but this share of history
    isolation_trees: int = Field(200, ge=10)
    isolation_random_state: int = 0
    explain_robust_z: float = Field(3.0, gt=0)  # a feature whose |z| passes this is named in the message


class RunHealthConfig(BaseModel):
    """Pipeline-level anomalies: this run's figures against the median of the previous runs."""

    model_config = _FROZEN
    baseline_runs: int = Field(20, ge=1)  # the trailing window: this many most recent earlier runs
    min_runs: int = Field(5, ge=1)  # fewer comparable runs than this and nothing is judged
    min_documents: int = Field(5, ge=1)  # ratios and means of smaller runs are neither judged nor baseline
    ratio_margin: float = Field(0.10, gt=0, le=1)  # failed/review ratio above baseline + this: a spike
    ocr_confidence_drift: float = Field(0.05, gt=0, le=1)  # |mean OCR confidence - baseline| above this
    volume_factor: float = Field(3.0, gt=1)  # documents above factor x the trailing median: a spike


META_SLICE = "meta:"  # a slice `meta:<key>` groups documents by one key of their source metadata
_META_KEY = re.compile(r"^[A-Za-z0-9_.-]{1,59}$")


class BiasConfig(BaseModel):
    model_config = _FROZEN
    min_group_size: int = Field(3, ge=1)
    slices: tuple[str, ...] = ("doc_type", "source_format", "quality_band", "dpi_band", "name_script")

    @field_validator("slices")
    @classmethod
    def _stored_names(cls, slices: tuple[str, ...]) -> tuple[str, ...]:
        # an unknown plain name is kept (the table says it was ignored); a `meta:` name must name a key
        for name in slices:
            if len(name) > 64:
                raise ValueError(f"slice name {name[:20]!r}... is longer than 64 characters")
            if name.startswith(META_SLICE) and not _META_KEY.match(name[len(META_SLICE):]):
                raise ValueError(f"slice {name!r}: write meta:<key>, the key letters, digits, '_', '.' or '-'")
        return slices


class PipelineConfig(BaseModel):
    """Everything tunable about the pipeline's behaviour; frozen and passed in."""

    model_config = _FROZEN
    acquire: AcquireConfig = AcquireConfig()
    limits: Limits = Limits()
    ocr: OcrConfig = OcrConfig()
    extraction: ExtractionConfig = ExtractionConfig()
    consistency: ConsistencyConfig = ConsistencyConfig()
    outliers: OutlierConfig = OutlierConfig()
    bias: BiasConfig = BiasConfig()
    runs: RunHealthConfig = RunHealthConfig()

    def digest(self) -> str:
        """A short hash of the configuration, for run lineage."""
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:16]


def load_config(path: Path | None) -> PipelineConfig:
    """Read and validate the YAML file; the defaults when no file is given or it does not exist."""
    if path is None or not path.exists():
        return PipelineConfig()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return PipelineConfig.model_validate(data)
