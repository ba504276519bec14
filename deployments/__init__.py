"""Code that deployments in prefect.yaml need."""
