# This directory is a package.
