"""newsie.events"""
