"""The batch stages' imports are started in the background and finished by the thread."""

import subprocess
import sys

from loan_extractor.warm_imports import warm_imports

SCRIPT = """
import sys
from loan_extractor.warm_imports import BATCH_MODULES, warm_imports
before = [m for m in BATCH_MODULES if m in sys.modules]
warm_imports().join(timeout=120)
print(before, [m for m in BATCH_MODULES if m not in sys.modules])
"""


def test_a_fresh_process_has_the_batch_modules_after_the_thread_ends():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=180)
    assert out.stdout.strip() == "[] []", out.stdout + out.stderr


def test_a_missing_module_does_not_stop_the_others():
    sys.modules.pop("tabnanny", None)  # a standard module nothing here imports
    thread = warm_imports(("loan_extractor_no_such_module", "tabnanny"))
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert "tabnanny" in sys.modules
