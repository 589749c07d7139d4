#!/bin/sh
# Renders the hotline's Asterisk configuration and starts Asterisk in the foreground.
#
# docker-compose mounts pbx-config/asterisk read-only at $TEMPLATE_DIR. Every *.conf
# there is copied into /etc/asterisk with ONLY the variables in SUBST_VARS replaced
# from the environment. Everything else, above all the dialplan's own ${EXTEN},
# ${HOTLINE_QUEUE}, ... in extensions.conf, is copied unchanged.
#
# PbxConfigConsistencyTest reads the SUBST_VARS line below: every ${...} placeholder
# in a non-dialplan .conf file must be listed there, docker-compose must pass each
# one to this container, and none may clash with a dialplan variable.
set -eu

TEMPLATE_DIR=${ASTERISK_TEMPLATE_DIR:-/etc/asterisk-template}
CONF_DIR=/etc/asterisk

# Optional variables and their defaults.
: "${PGPORT:=5432}"
: "${HOTLINE_AMI_PERMIT:=172.16.0.0/255.240.0.0}"   # Docker's default address pools
: "${HOTLINE_AMI_BIND:=0.0.0.0}"                     # the container's own network only; see manager.conf
# several PBXs on one database: each writes its CEL/CDR records to its own tables (the app's hotline.pbx[i].cel-table
# and cdr-table: cel/cdr for the first PBX, cel_<id>/cdr_<id> for the others)
: "${HOTLINE_CEL_TABLE:=cel}"
: "${HOTLINE_CDR_TABLE:=cdr}"
export PGPORT HOTLINE_AMI_PERMIT HOTLINE_AMI_BIND HOTLINE_CEL_TABLE HOTLINE_CDR_TABLE

SUBST_VARS='${HOTLINE_AMI_SECRET} ${HOTLINE_AMI_BIND} ${HOTLINE_AMI_PERMIT} ${PGHOST} ${PGPORT} ${PGDATABASE} ${PGUSER} ${PGPASSWORD} ${HOTLINE_TRUNK_HOST} ${HOTLINE_TRUNK_MATCH} ${HOTLINE_PBX_PUBLIC_ADDRESS} ${HOTLINE_PHONE_201_PASSWORD} ${HOTLINE_PHONE_202_PASSWORD} ${HOTLINE_PHONE_203_PASSWORD} ${HOTLINE_PHONE_204_PASSWORD} ${HOTLINE_PHONE_205_PASSWORD} ${HOTLINE_PHONE_206_PASSWORD} ${HOTLINE_PHONE_207_PASSWORD} ${HOTLINE_PHONES_PERMIT} ${HOTLINE_CEL_TABLE} ${HOTLINE_CDR_TABLE}'

# Refuse to start with a missing value: an empty AMI secret or DB password would
# otherwise be written into the configuration silently.
missing=''
for name in $(printf '%s' "$SUBST_VARS" | tr -d '${}'); do
    eval "value=\${$name:-}"
    if [ -z "$value" ]; then
        missing="$missing $name"
    fi
done
if [ -n "$missing" ]; then
    echo "hotline-asterisk: not set in the environment:$missing" >&2
    exit 64
fi

# Refuse weak secrets: the example values of .env.example, short ones, a phone's password that contains its
# extension (the SIP user name is the extension: it is the first thing anyone guesses).
weak=''
for name in HOTLINE_AMI_SECRET PGPASSWORD HOTLINE_PHONE_201_PASSWORD HOTLINE_PHONE_202_PASSWORD \
            HOTLINE_PHONE_203_PASSWORD HOTLINE_PHONE_204_PASSWORD HOTLINE_PHONE_205_PASSWORD \
            HOTLINE_PHONE_206_PASSWORD HOTLINE_PHONE_207_PASSWORD; do
    eval "value=\${$name:-}"
    extension=$(printf '%s' "$name" | sed -n 's/^HOTLINE_PHONE_\([0-9]*\)_PASSWORD$/\1/p')
    case "$value" in
        change-me*|*change-me*) weak="$weak $name" ; continue ;;
    esac
    if [ "${#value}" -lt 12 ] || { [ -n "$extension" ] && case "$value" in *"$extension"*) true ;; *) false ;; esac; }; then
        weak="$weak $name"
    fi
done
# The misdialer look-up (extensions.conf [hotline-misdialer]) is optional: without HOTLINE_APP_URL every
# caller gets the menu. With it, the token must be as strong as the other secrets.
if [ -n "${HOTLINE_APP_URL:-}" ]; then
    token=${HOTLINE_PBX_LOOKUP_TOKEN:-}
    case "$token" in
        *change-me*) weak="$weak HOTLINE_PBX_LOOKUP_TOKEN" ;;
        *) if [ "${#token}" -lt 12 ]; then weak="$weak HOTLINE_PBX_LOOKUP_TOKEN"; fi ;;
    esac
fi
if [ -n "$weak" ]; then
    echo "hotline-asterisk: weak (under 12 characters, an example value, or a phone's own extension):$weak" >&2
    exit 65
fi

if ! ls "$TEMPLATE_DIR"/*.conf >/dev/null 2>&1; then
    echo "hotline-asterisk: no *.conf in $TEMPLATE_DIR (mount pbx-config/asterisk there)" >&2
    exit 66
fi

# Start from an empty /etc/asterisk: only the hotline's files, no package samples.
mkdir -p "$CONF_DIR"
find "$CONF_DIR" -mindepth 1 -delete
for template in "$TEMPLATE_DIR"/*.conf; do
    envsubst "$SUBST_VARS" < "$template" > "$CONF_DIR/$(basename "$template")"
done
# The rendered files hold secrets: readable by Asterisk only.
chown -R root:asterisk "$CONF_DIR"
chmod 0750 "$CONF_DIR"
chmod 0640 "$CONF_DIR"/*.conf

# Volumes may be new (or bind mounts): make sure Asterisk can write there. Not
# recursive: the recordings volume can be large and its files are Asterisk's already.
mkdir -p /var/lib/asterisk/astdb /var/spool/asterisk/monitor /var/log/asterisk/cdr-csv
chown asterisk:asterisk /var/lib/asterisk/astdb /var/spool/asterisk /var/spool/asterisk/monitor \
    /var/log/asterisk /var/log/asterisk/cdr-csv
# The app takes the recordings in and removes them: the monitor directory is the group hotline-rec's (gid 1114,
# the app container's group_add), setgid so that every recording is the group's too.
if getent group hotline-rec >/dev/null 2>&1; then
    chgrp hotline-rec /var/spool/asterisk/monitor && chmod 2770 /var/spool/asterisk/monitor
fi

# -f foreground (PID 1 is Asterisk, docker stop reaches it), -n no colours in the
# logs, -vvv verbose level 3 on the console = "docker logs"; "$@" passes extra flags.
exec /usr/sbin/asterisk -f -n -vvv "$@"
