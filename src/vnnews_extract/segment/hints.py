"""hints placeholder"""
KNOWN_CMS_CONTAINERS: tuple[str, ...] = ()
