"""Where uploaded photos and generated files go: the file system by default, S3-compatible
object storage in production (STORAGE_BACKEND=s3), so every web process and worker,
on whatever machine, sees the same files. Everything goes through Django's storage API.
"""

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_str

FILESYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def default_storage_from_env() -> dict:
    backend = env_str("STORAGE_BACKEND", "filesystem")
    if backend == "filesystem":
        return FILESYSTEM
    if backend != "s3":
        raise ImproperlyConfigured(f"STORAGE_BACKEND must be filesystem or s3, not {backend!r}")
    bucket = env_str("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        raise ImproperlyConfigured("AWS_STORAGE_BUCKET_NAME must be set with STORAGE_BACKEND=s3")
    options = {
        "bucket_name": bucket,
        "location": env_str("AWS_LOCATION"),  # a folder inside the bucket, if it is shared
        # Photos are named by uuid; never silently replace a file that has the same name.
        "file_overwrite": False,
        # Private objects, whatever the bucket's default: tenants' photos are streamed through
        # the portal after an ownership check, never linked to.
        "default_acl": "private",
        "querystring_auth": True,
    }
    # Optional: another S3-compatible service (MinIO, a Nordic cloud), its region and
    # addressing, and keys (else boto3's own chain: instance role, ~/.aws). *_FILE works for the keys.
    optional = {
        "endpoint_url": "AWS_S3_ENDPOINT_URL",
        "region_name": "AWS_S3_REGION_NAME",
        "addressing_style": "AWS_S3_ADDRESSING_STYLE",
        "access_key": "AWS_ACCESS_KEY_ID",
        "secret_key": "AWS_SECRET_ACCESS_KEY",
    }
    options |= {option: value for option, name in optional.items() if (value := env_str(name))}
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
